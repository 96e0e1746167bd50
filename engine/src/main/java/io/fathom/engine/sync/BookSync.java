package io.fathom.engine.sync;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.engine.book.OrderBook;

/**
 * One venue's rules for keeping a book exact: how a diff continues the book (its sequence fields), how
 * buffered diffs join a REST snapshot, and what the venue lets us verify after each message (a checksum,
 * a depth the book is cut to). The book handler asks; the rule decides. Stateless apart from its
 * configuration, so one instance serves every book of the venue. Methods run on the book handler thread
 * and allocate nothing.
 */
public abstract class BookSync
{
    /** The message continues the book: apply it. */
    public static final int CONTINUE = 0;
    /** The book already reflects the message: ignore it. */
    public static final int STALE = 1;
    /** Messages were missed: the book is in doubt and must be resynced. */
    public static final int GAP = 2;

    /** Nothing to verify on this message. */
    public static final int VERIFY_NONE = 0;
    /** The venue's checksum matched the book. */
    public static final int VERIFY_OK = 1;
    /** The venue's checksum did not match: the book is in doubt and must be resynced. */
    public static final int VERIFY_MISMATCH = 2;
    /**
     * Cutting the book to the venue's depth found a level missing within it, dropped because a side was full
     * while the message was applied: the book is in doubt and must be resynced.
     */
    public static final int VERIFY_INCOMPLETE = 3;

    /**
     * @return the rule of a venue; {@code depth} is the subscribed book depth where the venue truncates
     * to it (Kraken), ignored elsewhere.
     */
    public static BookSync forVenue(final Venue venue, final int depth)
    {
        switch (venue)
        {
            case BINANCE:
                return new BinanceSpotSync();
            case BINANCE_USDM:
            case BINANCE_COINM:
                return new BinanceFuturesSync();
            case KRAKEN:
                return new KrakenBookSync(depth, true);
            case KRAKEN_V1:
                return new KrakenBookSync(depth, false);
            case OKX:
                return new OkxBookSync();
            case BITGET:
                return new BitgetBookSync();
            case COINBASE:
            case HYPERLIQUID:
                return new SnapshotStreamSync();
            default:
                throw new IllegalArgumentException("no sync rule for venue " + venue);
        }
    }

    /**
     * True when a book syncs from a REST snapshot plus the diffs buffered while it was fetched (Binance);
     * false when the venue sends the snapshot on the stream, so a resync is a resubscribe and diffs that
     * arrive before the snapshot are dropped.
     */
    public abstract boolean restSnapshot();

    /**
     * Whether a diff message continues a live book whose last applied id is {@code book.updateId()}.
     *
     * @return {@link #CONTINUE}, {@link #STALE} or {@link #GAP}.
     */
    public abstract int onDelta(OrderBook book, long firstUpdateId, long lastUpdateId, long previousUpdateId);

    /**
     * Whether a diff buffered during a REST sync joins the snapshot just loaded ({@code snapshotId}); the
     * book's id is the snapshot's or that of the last buffered diff applied after it.
     *
     * @param firstAfterSnapshot no buffered diff has been applied on this snapshot yet.
     * @return {@link #CONTINUE}, {@link #STALE} (older than the snapshot) or {@link #GAP}.
     */
    public int onBufferedDelta(
        final OrderBook book,
        final long snapshotId,
        final boolean firstAfterSnapshot,
        final long firstUpdateId,
        final long lastUpdateId,
        final long previousUpdateId)
    {
        throw new UnsupportedOperationException("snapshots arrive on the stream");
    }

    /**
     * Runs after every level of a message (diff or stream snapshot) is applied: cuts the book to the
     * venue's depth and checks the venue's checksum when the message carries one.
     *
     * @return {@link #VERIFY_NONE}, {@link #VERIFY_OK}, {@link #VERIFY_MISMATCH} or {@link #VERIFY_INCOMPLETE}.
     */
    public int verify(final OrderBook book, final boolean hasChecksum, final long checksum)
    {
        return VERIFY_NONE;
    }

    /**
     * True when the book must report the instrument's scales as every level's decimals to the checksum
     * (Kraken v2, whose JSON numbers drop the trailing zeros its checksum keeps).
     */
    public boolean decimalsFromScale()
    {
        return false;
    }

    static boolean isAbsent(final long id)
    {
        return id == DepthMessage.NO_ID;
    }
}
