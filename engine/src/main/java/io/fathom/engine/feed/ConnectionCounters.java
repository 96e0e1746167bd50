package io.fathom.engine.feed;

import io.fathom.engine.status.CountersFile;
import io.fathom.engine.status.EngineCounters;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * One connection's counters in the counters file: its state (ordinal of {@link ConnectionSlot.State}),
 * frames received and reconnects.
 */
record ConnectionCounters(AtomicCounter state, AtomicCounter messages, AtomicCounter reconnects) implements AutoCloseable
{
    static ConnectionCounters allocate(final EngineCounters counters, final String label)
    {
        return new ConnectionCounters(
            counters.newCounter(CountersFile.CONNECTION_STATE_TYPE, label + "state"),
            counters.newCounter(CountersFile.CONNECTION_MESSAGES_TYPE, label + "messages"),
            counters.newCounter(CountersFile.CONNECTION_RECONNECTS_TYPE, label + "reconnects"));
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(state, messages, reconnects);
    }
}
