package io.fathom.engine.publish;

import com.lmax.disruptor.EventPoller;
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.fathom.codec.wire.BookInvalid;
import io.fathom.codec.wire.BookSnapshot;
import io.fathom.codec.wire.InstrumentDefinition;
import io.fathom.codec.wire.LevelChanges;
import io.fathom.engine.book.BookSide;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.handler.SnapshotSlots;
import io.fathom.engine.ring.DepthEvent;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Publishes the books over Aeron from the ring, as a consumer of its own behind the book handler, so nothing
 * it does reaches the book handler's path: every applied delta as {@link LevelChanges}, a book made valid as an
 * {@link InstrumentDefinition} and a {@link BookSnapshot}, an invalidation as {@link BookInvalid}, and every
 * book whole once per snapshot interval for subscribers that join late, and the books subscribers ask for on the
 * control stream ({@link SnapshotRequests}), after the ring's events and at a metered rate.
 *
 * <p>An offer Aeron refuses (back-pressured, not connected, closed) is counted and never retried: the book is
 * marked, its further deltas are not offered, and it is sent whole as soon as the publication takes messages
 * again; the per-instrument sequence tells subscribers to hold the book invalid until then. Each duty cycle
 * reads the clock once for its timers and bounds its work; a level change carries the time it was offered, the
 * origin of publish-to-book latency. Runs on its own thread.
 */
public final class BookPublisherAgent implements Agent, EventPoller.Handler<DepthEvent>
{
    private static final int EVENTS_PER_CYCLE = 1024;
    private static final int BOOKS_PER_CYCLE = 16;
    private static final int ADMIN_RETRIES = 3;

    private final EventPoller<DepthEvent> poller;
    private final SnapshotSlots slots;
    private final ExclusivePublication publication;
    private final SnapshotRequests requests;
    private final BookMirror mirror;
    private final List<InstrumentDefinition.Names> names;
    private final OfferCounters counters;
    private final NanoClock clock;
    private final long snapshotIntervalNs;
    private final UnsafeBuffer buffer;
    private final int[] sequences;
    private final boolean[] marked;

    private int markedCount;
    private int markedCursor;
    private int roundCursor;
    private long nextRoundNs;
    private long nowNs;
    private int eventsThisCycle;

    BookPublisherAgent(
        final EventPoller<DepthEvent> poller,
        final SnapshotSlots slots,
        final PublisherStreams streams,
        final BookMirror mirror,
        final PublisherSettings settings)
    {
        this.poller = poller;
        this.slots = slots;
        this.publication = streams.books();
        this.requests = streams.requests();
        requests.sessionId(publication.sessionId());
        this.mirror = mirror;
        this.names = settings.names();
        this.counters = settings.counters();
        this.clock = settings.clock();
        this.snapshotIntervalNs = settings.snapshotIntervalNs();
        final int instruments = mirror.size();
        this.buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(
            Math.max(BookSnapshot.length(2 * settings.capacityPerSide()), LevelChanges.length(settings.levelsPerEvent()))));
        this.sequences = new int[instruments];
        this.marked = new boolean[instruments];
        this.roundCursor = instruments;
    }

    @Override
    public String roleName()
    {
        return "fathom-publisher";
    }

    @Override
    public int doWork() throws Exception
    {
        nowNs = clock.nanoTime();
        eventsThisCycle = 0;
        poller.poll(this);
        int work = eventsThisCycle + requests.poll();
        if (publication.isConnected())
        {
            work += resendMarked();
            work += answerRequests();
        }
        work += snapshotRound();
        counters.flush();
        return work;
    }

    @Override
    public boolean onEvent(final DepthEvent event, final long sequence, final boolean endOfBatch)
    {
        final int id = event.instrumentId;
        if (event.kind == DepthEvent.KIND_DELTA && event.outcome == DepthEvent.OUTCOME_APPLIED && mirror.applyDelta(event))
        {
            sendDelta(event);
        }
        final int slotIndex = event.snapshotSlot;
        if (slotIndex >= 0)
        {
            final SnapshotSlots.Slot slot = slots.slot(slotIndex);
            final boolean becameValid = mirror.load(slot);
            final int slotInstrument = slot.instrumentId;
            slots.release(slotIndex);
            if (becameValid && !marked[slotInstrument] && !sendWhole(slotInstrument))
            {
                mark(slotInstrument);
            }
        }
        if (event.invalidationReason != 0)
        {
            final long updateId = mirror.book(id).updateId();
            mirror.invalidate(id);
            if (!marked[id])
            {
                final int length = BookInvalid.encode(buffer, 0, id, ++sequences[id], nowNs, event.invalidationReason, updateId);
                if (!offer(length))
                {
                    mark(id);
                }
            }
        }
        return ++eventsThisCycle < EVENTS_PER_CYCLE;
    }

    private void sendDelta(final DepthEvent event)
    {
        final int id = event.instrumentId;
        final int sequence = ++sequences[id];
        if (marked[id])
        {
            return;
        }
        final int levels = event.levelCount;
        LevelChanges.encode(buffer, 0, id, sequence, clock.nanoTime(), event.lastUpdateId, event.receiveEpochNs, levels, event.isLastPart());
        for (int i = 0; i < levels; i++)
        {
            LevelChanges.putLevel(buffer, 0, i, event.sides[i], event.prices[i], event.quantities[i]);
        }
        if (!offer(LevelChanges.length(levels)))
        {
            mark(id);
        }
    }

    /** The instrument's definition, then its book whole when valid; returns whether both were taken. */
    private boolean sendWhole(final int id)
    {
        final int definition = InstrumentDefinition.encode(buffer, 0, names.get(id), id, sequences[id], nowNs,
            mirror.book(id).priceScale(), mirror.book(id).quantityScale());
        if (!offer(definition))
        {
            return false;
        }
        if (!mirror.valid(id))
        {
            return true;
        }
        final OrderBook book = mirror.book(id);
        final BookSide bids = book.bids();
        final BookSide asks = book.asks();
        final int bidCount = bids.size();
        final int askCount = asks.size();
        BookSnapshot.encode(buffer, 0, id, ++sequences[id], nowNs, book.updateId(), 0L, bidCount, askCount);
        for (int i = 0; i < bidCount; i++)
        {
            BookSnapshot.putLevel(buffer, 0, i, bids.price(i), bids.quantity(i));
        }
        for (int i = 0; i < askCount; i++)
        {
            BookSnapshot.putLevel(buffer, 0, bidCount + i, asks.price(i), asks.quantity(i));
        }
        return offer(BookSnapshot.length(bidCount + askCount));
    }

    private boolean offer(final int length)
    {
        long result = publication.offer(buffer, 0, length);
        for (int retries = 0; result == Publication.ADMIN_ACTION && retries < ADMIN_RETRIES; retries++)
        {
            counters.onAdminAction();
            result = publication.offer(buffer, 0, length);
        }
        if (result > 0)
        {
            counters.onSent();
            return true;
        }
        counters.onRefused(result);
        return false;
    }

    private void mark(final int id)
    {
        if (!marked[id])
        {
            marked[id] = true;
            markedCount++;
        }
    }

    /** Sends marked books whole (or their invalidity), a bounded number per cycle. */
    private int resendMarked()
    {
        int sent = 0;
        final int n = marked.length;
        for (int scanned = 0; markedCount > 0 && scanned < n && sent < BOOKS_PER_CYCLE; scanned++)
        {
            final int id = markedCursor;
            markedCursor = markedCursor + 1 == n ? 0 : markedCursor + 1;
            if (!marked[id])
            {
                continue;
            }
            final boolean taken = mirror.valid(id) ? sendWhole(id) : sendInvalid(id);
            if (!taken)
            {
                break;
            }
            marked[id] = false;
            markedCount--;
            sent++;
        }
        return sent;
    }

    private boolean sendInvalid(final int id)
    {
        final int definition = InstrumentDefinition.encode(buffer, 0, names.get(id), id, sequences[id], nowNs,
            mirror.book(id).priceScale(), mirror.book(id).quantityScale());
        return offer(definition) &&
            offer(BookInvalid.encode(buffer, 0, id, ++sequences[id], nowNs, 0, mirror.book(id).updateId()));
    }

    /** Sends books asked for on the control stream whole (or their invalidity), within the request rate. */
    private int answerRequests()
    {
        final int allowance = requests.allowance(nowNs, BOOKS_PER_CYCLE);
        int sent = 0;
        int id;
        while (sent < allowance && (id = requests.take()) >= 0)
        {
            if (marked[id])
            {
                requests.alreadyWaiting();
                continue;
            }
            sent++;
            if (!(mirror.valid(id) ? sendWhole(id) : sendInvalid(id)))
            {
                mark(id);
                break;
            }
        }
        requests.answered(sent);
        return sent;
    }

    /** Every book whole once per interval, a bounded number per cycle; the first round starts at once. */
    private int snapshotRound()
    {
        if (roundCursor == mirror.size())
        {
            if (nowNs - nextRoundNs < 0)
            {
                return 0;
            }
            nextRoundNs = nowNs + snapshotIntervalNs;
            roundCursor = 0;
        }
        int sent = 0;
        while (roundCursor < mirror.size() && sent < BOOKS_PER_CYCLE)
        {
            final int id = roundCursor++;
            if (!marked[id] && !sendWhole(id))
            {
                mark(id);
            }
            sent++;
        }
        return sent;
    }

    /** Books sent whole later because an offer of theirs was refused; for tests and status. */
    int markedBooks()
    {
        return markedCount;
    }

    @Override
    public void onClose()
    {
        counters.flush();
        requests.close();
        publication.close();
    }
}
