package io.fathom.engine.handler;

import com.lmax.disruptor.Sequence;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.ring.DepthEvent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands whole books to the journal handler through {@link SnapshotSlots}: the book a sync completes, and every
 * live book once per snapshot interval, one per event, in a slot free at that moment. A sync snapshot may wait
 * for a slot; while it waits the events already handled are released so the journal handler can free one. Owns
 * the periodic round's cursor and the handler's ring position. Runs on the book handler thread.
 */
final class SnapshotScheduler
{
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotScheduler.class);
    private static final long SLOT_TIMEOUT_NS = 5_000_000_000L;

    private final SnapshotSlots slots;
    private final long intervalNs;
    private final NanoClock clock;
    private final EpochNanoClock epochClock;
    private final HandlerCounters counters;
    private final int instrumentCount;
    private final Runnable releaseProcessedEvents = this::releaseProcessedEvents;

    private Sequence sequenceCallback;
    private long currentSequence;
    private long nextPeriodicNs;
    private int periodicCursor;
    private long roundsSeen;

    SnapshotScheduler(final HandlerSettings settings, final BookCollaborators collaborators)
    {
        this.slots = collaborators.slots();
        this.intervalNs = settings.snapshotIntervalNs();
        this.clock = collaborators.clock();
        this.epochClock = collaborators.epochClock();
        this.counters = collaborators.counters();
        this.instrumentCount = settings.instrumentCount();
        this.nextPeriodicNs = clock.nanoTime() + intervalNs;
        this.periodicCursor = instrumentCount;
    }

    void sequenceCallback(final Sequence sequenceCallback)
    {
        this.sequenceCallback = sequenceCallback;
    }

    /** The ring sequence of the event being handled. */
    void onEvent(final long sequence)
    {
        currentSequence = sequence;
    }

    /** Starts a new periodic round when the interval has passed, or when the journal asked for one. */
    void onBatchStart()
    {
        if (slots != null && slots.roundsRequested() != roundsSeen)
        {
            roundsSeen = slots.roundsRequested();
            periodicCursor = 0;
        }
        if (intervalNs > 0 && slots != null)
        {
            final long nowNs = clock.nanoTime();
            if (nowNs - nextPeriodicNs >= 0)
            {
                nextPeriodicNs = nowNs + intervalNs;
                periodicCursor = 0;
            }
        }
    }

    /** Whether books of the current periodic round are still to be journaled. */
    boolean periodicDue()
    {
        return periodicCursor < instrumentCount;
    }

    /**
     * Journals the next live book of the round with the event, if a slot is free now. A book whose message is
     * still being applied (the event is one of its parts but not the last) waits for a later event: a copy of it
     * now would hold half a message.
     */
    void periodicSnapshot(final DepthEvent event, final InstrumentBook[] instruments)
    {
        while (periodicCursor < instrumentCount && instruments[periodicCursor].state != SyncState.LIVE)
        {
            periodicCursor++;
        }
        if (periodicCursor == instrumentCount || (periodicCursor == event.instrumentId && !event.isLastPart()))
        {
            return;
        }
        final int slotIndex = slots.tryAcquire();
        if (slotIndex >= 0)
        {
            slots.slot(slotIndex).copyBook(
                instruments[periodicCursor].book, SnapshotRecord.REASON_PERIODIC, true, epochClock.nanoTime());
            slots.publish(slotIndex);
            event.snapshotSlot = slotIndex;
            periodicCursor++;
        }
    }

    /**
     * A slot holding the book just synced, waiting for one if need be; buffered diffs applied after it are added
     * to it before {@link #publish}.
     *
     * @return the slot's index, or -1 when nothing is journaled or no slot came free in time.
     */
    int acquireSyncSlot(final InstrumentBook instrument)
    {
        if (slots == null)
        {
            return -1;
        }
        final int slotIndex = slots.acquire(releaseProcessedEvents, clock, SLOT_TIMEOUT_NS);
        if (slotIndex < 0)
        {
            counters.slotTimeouts.incrementRelease();
            LOG.error("journal did not free a snapshot slot in time; sync snapshot of instrument {} not journaled",
                instrument.id());
            return -1;
        }
        slots.slot(slotIndex).copyBook(instrument.book, SnapshotRecord.REASON_SYNC, true, epochClock.nanoTime());
        return slotIndex;
    }

    SnapshotSlots.Slot slot(final int slotIndex)
    {
        return slots.slot(slotIndex);
    }

    /** Passes the filled slot to the journal handler with the event. */
    void publish(final int slotIndex, final DepthEvent event)
    {
        slots.publish(slotIndex);
        event.snapshotSlot = slotIndex;
    }

    private void releaseProcessedEvents()
    {
        if (sequenceCallback != null)
        {
            sequenceCallback.set(currentSequence - 1);
        }
    }
}
