package io.fathom.engine.handler;

import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.BookStateListener;
import io.fathom.engine.ring.DepthEvent;
import org.HdrHistogram.Recorder;
import org.agrona.concurrent.NanoClock;

/**
 * What the book handler tells the world: a valid book's volume pressure and update to the {@link BookListener},
 * receipt-to-applied latency to the recorder, and books going live or invalid to the {@link BookStateListener}.
 * Runs on the book handler thread; allocates nothing.
 */
final class BookSignals
{
    private final BookListener listener;
    private final BookStateListener stateListener;
    private final Recorder latencyRecorder;
    private final NanoClock clock;
    private final int pressureDepth;

    BookSignals(final BookCollaborators collaborators, final int pressureDepth)
    {
        this.listener = collaborators.listener();
        this.stateListener = collaborators.stateListener();
        this.latencyRecorder = collaborators.latencyRecorder();
        this.clock = collaborators.clock();
        this.pressureDepth = pressureDepth;
    }

    /**
     * A message left the book valid: records its latency when asked, computes the book's pressure and shows the
     * listener the book.
     */
    void onApplied(
        final DepthEvent event, final InstrumentBook instrument, final boolean recordLatency, final boolean topChanged)
    {
        if (recordLatency)
        {
            final long latencyNs = clock.nanoTime() - event.receiveNanos;
            latencyRecorder.recordValue(Math.max(0, Math.min(latencyNs, BookCollaborators.MAX_LATENCY_NS)));
        }
        final double pressure = instrument.book.volumePressure(pressureDepth);
        instrument.volumePressure = pressure;
        listener.onBookUpdate(instrument.book, topChanged, pressure);
    }

    void onLive(final InstrumentBook instrument)
    {
        stateListener.onBookLive(instrument.id());
    }

    void onInvalid(final InstrumentBook instrument, final byte reason)
    {
        stateListener.onBookInvalid(instrument.id(), reason);
    }
}
