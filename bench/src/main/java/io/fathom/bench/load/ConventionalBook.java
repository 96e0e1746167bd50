package io.fathom.bench.load;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One instrument's book the way most Java market-data code keeps it: {@link BigDecimal} prices in
 * {@link TreeMap}s, fed Jackson-bound update objects, synchronised by Binance's documented procedure
 * (buffer the stream, fetch a snapshot, drop what it covers, then apply while each {@code U} is at most
 * the book's id + 1). Owned by the book thread.
 */
final class ConventionalBook
{
    static final int PRESSURE_DEPTH = 10;

    /** {@code {"stream":..,"data":{..}}} as Binance's combined streams send it. */
    static final class CombinedEvent
    {
        public String stream;
        public DepthUpdate data;
    }

    /** A {@code depthUpdate} event. */
    static final class DepthUpdate
    {
        @JsonProperty("e")
        public String eventType;
        @JsonProperty("E")
        public long eventTime;
        @JsonProperty("s")
        public String symbol;
        @JsonProperty("U")
        public long firstUpdateId;
        @JsonProperty("u")
        public long finalUpdateId;
        @JsonProperty("b")
        public List<List<BigDecimal>> bids;
        @JsonProperty("a")
        public List<List<BigDecimal>> asks;
        /** When the frame arrived, {@link System#nanoTime()}; not part of the JSON. */
        public transient long receiveNs;
    }

    /** A REST {@code /api/v3/depth} body. */
    static final class DepthSnapshot
    {
        public long lastUpdateId;
        public List<List<BigDecimal>> bids;
        public List<List<BigDecimal>> asks;
    }

    /** What the book did with an update or snapshot, for the client's counters. */
    interface Outcome
    {
        /** Applied to the live book. */
        void applied(ConventionalBook book, DepthUpdate update);

        /** Buffered updates applied on top of a snapshot when the book synced. */
        void appliedFromBuffer(int count);

        /** Dropped as already covered by the book: older than its snapshot or its last update. */
        void discarded(int count);

        /** The book needs a (new) snapshot. */
        void snapshotNeeded(ConventionalBook book);

        /** The book became live. */
        void synced(ConventionalBook book);

        /** A sequence gap in a live book: it is invalid until resynchronised. */
        void gap(ConventionalBook book);
    }

    private enum State
    {
        NEW, BUFFERING, LIVE
    }

    final String symbol;
    final int symbolIndex;
    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private final List<DepthUpdate> buffered = new ArrayList<>();
    private State state = State.NEW;
    private long lastUpdateId;
    private double volumePressure;

    ConventionalBook(final String symbol, final int symbolIndex)
    {
        this.symbol = symbol;
        this.symbolIndex = symbolIndex;
    }

    void onUpdate(final DepthUpdate update, final Outcome outcome)
    {
        switch (state)
        {
            case NEW:
                buffered.add(update);
                state = State.BUFFERING;
                outcome.snapshotNeeded(this);
                break;
            case BUFFERING:
                buffered.add(update);
                break;
            default:
                if (update.finalUpdateId <= lastUpdateId)
                {
                    outcome.discarded(1);
                }
                else if (update.firstUpdateId > lastUpdateId + 1)
                {
                    outcome.gap(this);
                    clear();
                    buffered.add(update);
                    state = State.BUFFERING;
                    outcome.snapshotNeeded(this);
                }
                else
                {
                    apply(update);
                    outcome.applied(this, update);
                }
        }
    }

    /** A snapshot arrived (null when the fetch failed). */
    void onSnapshot(final DepthSnapshot snapshot, final Outcome outcome)
    {
        if (state != State.BUFFERING)
        {
            return;
        }
        if (snapshot == null || buffered.isEmpty() || snapshot.lastUpdateId < buffered.get(0).firstUpdateId - 1)
        {
            outcome.snapshotNeeded(this);
            return;
        }
        clear();
        put(bids, snapshot.bids);
        put(asks, snapshot.asks);
        lastUpdateId = snapshot.lastUpdateId;
        int covered = 0;
        int appliedCount = 0;
        final Iterator<DepthUpdate> it = buffered.iterator();
        while (it.hasNext())
        {
            final DepthUpdate update = it.next();
            if (update.finalUpdateId <= lastUpdateId)
            {
                covered++;
                continue;
            }
            if (update.firstUpdateId > lastUpdateId + 1)
            {
                clear();
                outcome.discarded(covered + appliedCount);
                dropBufferedBefore(update);
                outcome.snapshotNeeded(this);
                return;
            }
            apply(update);
            appliedCount++;
        }
        outcome.discarded(covered);
        outcome.appliedFromBuffer(appliedCount);
        buffered.clear();
        state = State.LIVE;
        outcome.synced(this);
    }

    double volumePressure()
    {
        return volumePressure;
    }

    private void dropBufferedBefore(final DepthUpdate keep)
    {
        final int index = buffered.indexOf(keep);
        buffered.subList(0, index).clear();
    }

    private void clear()
    {
        bids.clear();
        asks.clear();
        lastUpdateId = 0;
    }

    private void apply(final DepthUpdate update)
    {
        put(bids, update.bids);
        put(asks, update.asks);
        lastUpdateId = update.finalUpdateId;
        final BigDecimal bidVolume = volume(bids);
        final BigDecimal askVolume = volume(asks);
        final BigDecimal total = bidVolume.add(askVolume);
        volumePressure = total.signum() == 0 ? 0.0 : bidVolume.subtract(askVolume).doubleValue() / total.doubleValue();
    }

    private static void put(final NavigableMap<BigDecimal, BigDecimal> side, final List<List<BigDecimal>> levels)
    {
        for (final List<BigDecimal> level : levels)
        {
            final BigDecimal quantity = level.get(1);
            if (quantity.signum() == 0)
            {
                side.remove(level.get(0));
            }
            else
            {
                side.put(level.get(0), quantity);
            }
        }
    }

    private static BigDecimal volume(final NavigableMap<BigDecimal, BigDecimal> side)
    {
        BigDecimal volume = BigDecimal.ZERO;
        int levels = 0;
        for (final Map.Entry<BigDecimal, BigDecimal> level : side.entrySet())
        {
            if (levels++ == PRESSURE_DEPTH)
            {
                break;
            }
            volume = volume.add(level.getValue());
        }
        return volume;
    }
}
