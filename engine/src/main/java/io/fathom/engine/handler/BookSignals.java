package io.fathom.engine.handler;

import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.BookStateListener;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.view.BookViewWriter;
import org.HdrHistogram.Recorder;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;

/**
 * What the book handler tells the world: a valid book's volume pressure and update to the {@link BookListener},
 * the book itself to its view ({@link BookViewWriter}), receipt-to-applied latency to the recorder, and books
 * going live or invalid to the listeners and the views.
 *
 * <p>A view is published once per batch for each book the batch changed, at its end ({@link #onBatchEnd}), with
 * the time read once for the batch: a reader sees the book as the batch left it, as it would have after the
 * batch had the view been written for every message, and sees every invalidation as it happens (a book's pending
 * publish goes first, so an invalid view keeps the last update id published). Volume pressure is computed for
 * every message when a listener is set, and otherwise only when asked ({@link #volumePressure}). Receipt-to-applied
 * latency is recorded at the end of the batch too, against one reading of the clock (sooner only past
 * {@value #LATENCY_BATCH} messages): the time the batch's views become visible.
 * Runs on the book handler thread; allocates nothing.
 */
final class BookSignals
{
    /** Latencies held before the clock is read for them, should a batch run longer. */
    private static final int LATENCY_BATCH = 256;

    private final BookListener listener;
    private final BookStateListener stateListener;
    private final BookViewWriter views;
    private final Recorder latencyRecorder;
    private final NanoClock clock;
    private final EpochNanoClock epochClock;
    private final int pressureDepth;
    /** A listener is set, so every valid message's pressure is computed for it. */
    private final boolean pressureEveryMessage;

    /** Receipt times of the batch's messages whose latency is to be recorded, the first {@code latencyCount}. */
    private final long[] receiveNs = new long[LATENCY_BATCH];
    private int latencyCount;
    /** Books whose view waits for the end of the batch, the first {@code pendingCount}. */
    private final InstrumentBook[] pendingViews;
    private int pendingCount;
    private long batchEpochNs;
    private boolean batchEpochStale = true;

    BookSignals(
        final BookCollaborators collaborators, final BookViewWriter views, final int pressureDepth, final int instrumentCount)
    {
        this.listener = collaborators.listener();
        this.stateListener = collaborators.stateListener();
        this.views = views;
        this.latencyRecorder = collaborators.latencyRecorder();
        this.clock = collaborators.clock();
        this.epochClock = collaborators.epochClock();
        this.pressureDepth = pressureDepth;
        this.pressureEveryMessage = listener != BookListener.NONE;
        this.pendingViews = new InstrumentBook[instrumentCount];
    }

    /** A batch begins: the next view change reads the epoch clock afresh. */
    void onBatchStart()
    {
        batchEpochStale = true;
    }

    /** The batch ended: the views of the books it changed are published, then the next batch reads the clock. */
    void onBatchEnd()
    {
        recordLatencies();
        for (int i = 0; i < pendingCount; i++)
        {
            final InstrumentBook instrument = pendingViews[i];
            pendingViews[i] = null;
            instrument.viewQueued = false;
            publishView(instrument);
        }
        pendingCount = 0;
        batchEpochStale = true;
    }

    /**
     * A message left the book valid: when a listener is set, computes the book's pressure and shows the listener
     * the book; its view, and its latency when asked, follow at the end of the batch.
     */
    void onApplied(
        final DepthEvent event, final InstrumentBook instrument, final boolean recordLatency, final boolean topChanged)
    {
        if (recordLatency)
        {
            if (latencyCount == LATENCY_BATCH)
            {
                recordLatencies();
            }
            receiveNs[latencyCount++] = event.receiveNanos;
        }
        instrument.viewPending = true;
        if (!instrument.viewQueued)
        {
            instrument.viewQueued = true;
            pendingViews[pendingCount++] = instrument;
        }
        if (pressureEveryMessage)
        {
            final double pressure = instrument.book.volumePressure(pressureDepth);
            instrument.volumePressure = pressure;
            listener.onBookUpdate(views.symbol(instrument.id()), instrument.book, topChanged, pressure);
        }
        else
        {
            instrument.pressurePending = true;
        }
    }

    /** Records the latencies held, to one reading of the clock: the time the batch's views are published. */
    private void recordLatencies()
    {
        if (latencyCount > 0)
        {
            final long nowNs = clock.nanoTime();
            for (int i = 0; i < latencyCount; i++)
            {
                latencyRecorder.recordValue(Math.max(0, Math.min(nowNs - receiveNs[i], BookCollaborators.MAX_LATENCY_NS)));
            }
            latencyCount = 0;
        }
    }

    /**
     * The pressure of the book's last valid message, 0 while it is invalid; computed now if it was not then (from
     * the book, which has not changed since: see {@link #beforeChange}). Writes nothing.
     */
    double volumePressure(final InstrumentBook instrument)
    {
        return instrument.pressurePending ? instrument.book.volumePressure(pressureDepth) : instrument.volumePressure;
    }

    /** A part of a message is about to be applied: the first of several {@linkplain #beforeChange changes} the book. */
    void beforePart(final DepthEvent event, final InstrumentBook instrument)
    {
        if (event.partIndex == 0 && !event.isLastPart())
        {
            beforeChange(instrument);
        }
    }

    /**
     * The book is about to change before a message completes (the first part of a message in several, a snapshot
     * replacing a valid book): what its last message left pending, view and pressure, is published and computed
     * now, so neither shows a book half changed.
     */
    void beforeChange(final InstrumentBook instrument)
    {
        publishView(instrument);
        settlePressure(instrument);
    }

    private void settlePressure(final InstrumentBook instrument)
    {
        if (instrument.pressurePending)
        {
            instrument.pressurePending = false;
            instrument.volumePressure = instrument.book.volumePressure(pressureDepth);
        }
    }

    void onLive(final InstrumentBook instrument)
    {
        final int id = instrument.id();
        final String symbol = views.symbol(id);
        stateListener.onBookLive(id, symbol);
        listener.onBookValid(symbol, id);
    }

    /** @return the time of the invalidation (epoch ns), which its view and its journal record carry. */
    long onInvalid(final InstrumentBook instrument, final byte reason)
    {
        publishView(instrument);
        instrument.pressurePending = false;
        final int id = instrument.id();
        final String symbol = views.symbol(id);
        final long epochNs = batchEpochNs();
        views.invalidate(id, reason, epochNs);
        stateListener.onBookInvalid(id, symbol, reason);
        listener.onBookInvalid(symbol, id, reason);
        return epochNs;
    }

    /**
     * A live book replaced by a journal snapshot: its view and the book listener learn it is not valid until the
     * snapshot completes; the state listener is not told, as before.
     */
    void onReplaced(final InstrumentBook instrument, final int reason)
    {
        beforeChange(instrument);
        final int id = instrument.id();
        views.invalidate(id, reason, batchEpochNs());
        listener.onBookInvalid(views.symbol(id), id, reason);
    }

    /** Publishes the book's view if a message of this batch changed it and it has not been published since. */
    private void publishView(final InstrumentBook instrument)
    {
        if (instrument.viewPending)
        {
            instrument.viewPending = false;
            views.publish(instrument.id(), instrument.book, batchEpochNs());
        }
    }

    private long batchEpochNs()
    {
        if (batchEpochStale)
        {
            batchEpochNs = epochClock.nanoTime();
            batchEpochStale = false;
        }
        return batchEpochNs;
    }
}
