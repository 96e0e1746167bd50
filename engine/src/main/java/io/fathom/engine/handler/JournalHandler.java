package io.fathom.engine.handler;

import io.fathom.engine.journal.JournalWriter;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import com.lmax.disruptor.EventHandler;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Appends what the book handler did to the journal: every applied delta, the snapshots it handed
 * over in slots, and every book invalidation with the update ids of the event that caused it, in
 * ring order. Gated behind the book handler, so each event's outcome is final when it arrives here. When journaling
 * resumes after a hole (the disk was short of space), it asks the book handler for a snapshot of every valid book,
 * so the journal replays correctly from just after the hole.
 */
public final class JournalHandler implements EventHandler<DepthEvent>
{
    private static final long MAX_LATENCY_NS = 3_600_000_000_000L;

    private final JournalWriter writer;
    private final org.HdrHistogram.Recorder journaledLatency;
    private final SnapshotSlots slots;
    private final AtomicCounter journalRecords;
    private long recordsCounted;
    private long resumesSeen;

    /**
     * @param journaledLatency receives receipt-to-journaled nanoseconds of every journaled delta message.
     */
    public JournalHandler(
        final JournalWriter writer,
        final SnapshotSlots slots,
        final EngineCounters counters,
        final org.HdrHistogram.Recorder journaledLatency)
    {
        this.writer = writer;
        this.journaledLatency = journaledLatency;
        this.slots = slots;
        this.journalRecords = counters.get(SystemCounter.JOURNAL_RECORDS);
    }

    @Override
    public void onEvent(final DepthEvent event, final long sequence, final boolean endOfBatch)
    {
        if (event.kind == DepthEvent.KIND_DELTA && event.outcome == DepthEvent.OUTCOME_APPLIED)
        {
            writer.delta(event);
            if (event.isLastPart())
            {
                journaledLatency.recordValue(Math.max(0, Math.min(System.nanoTime() - event.receiveNanos, MAX_LATENCY_NS)));
            }
        }
        final int slotIndex = event.snapshotSlot;
        if (slotIndex >= 0)
        {
            writer.slot(slots.slot(slotIndex));
            slots.release(slotIndex);
        }
        if (event.invalidationReason != 0)
        {
            writer.bookState(event.instrumentId, event.invalidationReason, event.invalidatedUpdateId,
                event.firstUpdateId, event.lastUpdateId, event.invalidatedEpochNs);
        }
        if (endOfBatch)
        {
            final long resumes = writer.space().resumes();
            if (resumes != resumesSeen)
            {
                resumesSeen = resumes;
                slots.requestRound();
            }
            final long records = writer.records();
            journalRecords.getAndAddRelease(records - recordsCounted);
            recordsCounted = records;
        }
    }

    @Override
    public void onShutdown()
    {
        final long records = writer.records();
        journalRecords.getAndAddRelease(records - recordsCounted);
        recordsCounted = records;
    }

    public JournalWriter writer()
    {
        return writer;
    }
}
