package io.fathom.engine;

import com.lmax.disruptor.RingBuffer;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.handler.JournalHandler;
import io.fathom.engine.journal.JournalWriter;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.ProducerGate;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The order that loses nothing, within one deadline: halt producers (the gate closes, in-flight claims
 * are published, the source's agents stop), drain every handler to the ring cursor, disconnect (every
 * socket is sent a close frame and aborted, without waiting on a handshake), flush
 * final snapshots and the session end (not interruptible), then halt the handlers and close the journal
 * writers and everything the engine built, newest first. Runs once, on the caller's thread; under
 * {@link EngineThreading#INVOKER} it first takes the engine over from the invoking thread and polls the handlers
 * itself while draining.
 */
final class ShutdownSequence
{
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);

    /**
     * What the sequence stops, drains, flushes and closes.
     *
     * @param closeBuilt closes everything the engine built, newest first; returns the first error, or null.
     */
    record Parts(
        ProducerGate gate,
        DepthSource source,
        EngineRunners runners,
        BookHandler bookHandler,
        JournalHandler journalHandler,
        JournalWriter flushWriter,
        EngineCounters counters,
        LatencyTracker latency,
        Supplier<Exception> closeBuilt)
    {
    }

    private final Parts parts;
    private final NanoClock clock;
    private final EpochNanoClock epochClock;
    private final long timeoutNs;

    ShutdownSequence(final Parts parts, final NanoClock clock, final EpochNanoClock epochClock, final long timeoutNs)
    {
        this.parts = parts;
        this.clock = clock;
        this.epochClock = epochClock;
        this.timeoutNs = timeoutNs;
    }

    ShutdownReport run()
    {
        final long startNs = clock.nanoTime();
        final long deadlineNs = startNs + timeoutNs;
        final List<String> failures = new ArrayList<>();
        final boolean wasInterrupted = Thread.interrupted();

        final String notTakenOver = parts.runners().takeOver(clock, deadlineNs);
        if (notTakenOver != null)
        {
            failures.add(notTakenOver);
        }
        final boolean halted = notTakenOver == null & haltProducers(deadlineNs, failures);
        final long haltedNs = clock.nanoTime();
        final boolean drained = drain(deadlineNs, failures);
        final long drainedNs = clock.nanoTime();
        final boolean disconnected = parts.source().disconnect(deadlineNs, failures);
        final long disconnectedNs = clock.nanoTime();
        final boolean flushed = flush(deadlineNs, halted && drained, failures);
        final long flushedNs = clock.nanoTime();
        final boolean closed = closeAll(deadlineNs, failures);
        final long endNs = clock.nanoTime();

        final ShutdownReport report = new ShutdownReport(
            millis(haltedNs - startNs), millis(drainedNs - haltedNs), millis(disconnectedNs - drainedNs),
            millis(flushedNs - disconnectedNs), millis(endNs - flushedNs), millis(endNs - startNs),
            halted, drained, disconnected, flushed, closed,
            Thread.currentThread().getName(), List.copyOf(failures));
        if (wasInterrupted)
        {
            Thread.currentThread().interrupt();
        }
        return report;
    }

    /** Halts the handlers within a fresh timeout: what a launch that failed after starting them closes. */
    static void haltHandlers(final RingConsumers consumers, final NanoClock clock, final long timeoutNs)
    {
        consumers.halt(clock, clock.nanoTime() + timeoutNs);
    }

    private boolean haltProducers(final long deadlineNs, final List<String> failures)
    {
        boolean ok = parts.gate().close(clock, deadlineNs);
        if (!ok)
        {
            failures.add("halt producers: a producer was still inside the gate at the deadline");
        }
        ok &= parts.source().halt(deadlineNs, failures);
        return ok;
    }

    /**
     * Waits for every consumer to reach the ring's cursor; under {@link EngineThreading#INVOKER} polls the handlers
     * itself, as nothing else runs them.
     */
    private boolean drain(final long deadlineNs, final List<String> failures)
    {
        final RingConsumers consumers = parts.runners().consumers();
        final RingBuffer<DepthEvent> ring = consumers.ring();
        final long cursor = ring.getCursor();
        // the slowest consumer (the journal handler, or the book publisher when there is one) gates the ring
        while (consumers.bookSequence() < cursor || ring.getMinimumGatingSequence() < cursor)
        {
            if (clock.nanoTime() - deadlineNs > 0)
            {
                failures.add("drain: handlers at " + consumers.bookSequence() + "/" + consumers.journalSequence() +
                    ", slowest consumer at " + ring.getMinimumGatingSequence() + " of cursor " + cursor + " at the deadline");
                return false;
            }
            if (parts.runners().pollForShutdown() == 0)
            {
                Thread.onSpinWait();
                Thread.yield();
            }
        }
        return true;
    }

    /**
     * Final snapshots while the deadline allows, then the session end, always (clean only when every final
     * snapshot was written after a full drain); ignores interrupts (a second signal cannot cut it short).
     */
    private boolean flush(final long deadlineNs, final boolean upstreamClean, final List<String> failures)
    {
        final BookHandler bookHandler = parts.bookHandler();
        final JournalWriter flushWriter = parts.flushWriter();
        boolean interrupted = false;
        try
        {
            // written at launch, perhaps on another thread than this one (Chronicle appenders belong to one thread)
            flushWriter.handOver();
            if (upstreamClean)
            {
                bookHandler.discardPending();
            }
            final long epochNs = epochClock.nanoTime();
            boolean snapshotsWritten = upstreamClean;
            for (int id = 0; upstreamClean && id < bookHandler.bookCount(); id++)
            {
                if (clock.nanoTime() - deadlineNs > 0)
                {
                    failures.add("flush: " + (bookHandler.bookCount() - id) + " final snapshots not written by the deadline");
                    snapshotsWritten = false;
                    break;
                }
                flushWriter.snapshot(bookHandler.book(id), SnapshotRecord.REASON_FINAL,
                    bookHandler.state(id) == SyncState.LIVE, epochNs);
                interrupted |= Thread.interrupted();
            }
            // The session end is written whatever happened before it, saying whether the session ended clean.
            final JournalWriter handlerWriter = parts.journalHandler().writer();
            final long deltas = handlerWriter.deltaRecords();
            final long snapshots = handlerWriter.snapshotRecords() + flushWriter.snapshotRecords();
            flushWriter.sessionEnd(epochClock.nanoTime(), snapshotsWritten, deltas, snapshots);
            parts.counters().get(SystemCounter.JOURNAL_RECORDS).getAndAdd(flushWriter.records());
            if (!upstreamClean)
            {
                failures.add("flush: final snapshots skipped because the ring was not drained");
                return false;
            }
            return snapshotsWritten;
        }
        catch (final RuntimeException ex)
        {
            failures.add("flush: " + ex);
            LOG.error("final flush failed", ex);
            return false;
        }
        finally
        {
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean closeAll(final long deadlineNs, final List<String> failures)
    {
        boolean ok = parts.runners().consumers().halt(clock, deadlineNs);
        if (!ok)
        {
            failures.add("close: a handler thread did not stop by the deadline");
        }
        parts.latency().sample();
        parts.latency().close();
        try
        {
            CloseHelper.closeAll(parts.flushWriter(), parts.journalHandler().writer(), parts.source().journal());
        }
        catch (final RuntimeException ex)
        {
            failures.add("close: journal writers: " + ex);
            ok = false;
        }
        final Exception error = parts.closeBuilt().get();
        if (error != null)
        {
            failures.add("close: " + error);
            ok = false;
        }
        return ok;
    }

    private static long millis(final long nanos)
    {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
