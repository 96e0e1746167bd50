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
 * going live or invalid to the listeners and the views. The time stamped on views is read once per batch.
 * Runs on the book handler thread; allocates nothing.
 */
final class BookSignals
{
    private final BookListener listener;
    private final BookStateListener stateListener;
    private final BookViewWriter views;
    private final Recorder latencyRecorder;
    private final NanoClock clock;
    private final EpochNanoClock epochClock;
    private final int pressureDepth;

    private long batchEpochNs;
    private boolean batchEpochStale = true;

    BookSignals(final BookCollaborators collaborators, final BookViewWriter views, final int pressureDepth)
    {
        this.listener = collaborators.listener();
        this.stateListener = collaborators.stateListener();
        this.views = views;
        this.latencyRecorder = collaborators.latencyRecorder();
        this.clock = collaborators.clock();
        this.epochClock = collaborators.epochClock();
        this.pressureDepth = pressureDepth;
    }

    /** A batch begins (or the last one ended): the next view change reads the epoch clock afresh. */
    void onBatchBoundary()
    {
        batchEpochStale = true;
    }

    /**
     * A message left the book valid: records its latency when asked, computes the book's pressure, publishes the
     * book to its view and shows the listener the book.
     */
    void onApplied(
        final DepthEvent event, final InstrumentBook instrument, final boolean recordLatency, final boolean topChanged)
    {
        if (recordLatency)
        {
            final long latencyNs = clock.nanoTime() - event.receiveNanos;
            latencyRecorder.recordValue(Math.max(0, Math.min(latencyNs, BookCollaborators.MAX_LATENCY_NS)));
        }
        final int id = instrument.id();
        final double pressure = instrument.book.volumePressure(pressureDepth);
        instrument.volumePressure = pressure;
        views.publish(id, instrument.book, batchEpochNs());
        listener.onBookUpdate(views.symbol(id), instrument.book, topChanged, pressure);
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
        final int id = instrument.id();
        views.invalidate(id, reason, batchEpochNs());
        listener.onBookInvalid(views.symbol(id), id, reason);
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
