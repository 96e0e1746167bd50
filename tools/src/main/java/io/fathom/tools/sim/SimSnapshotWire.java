package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.checksum.ChecksumBook;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * What the venues that send the book on the stream share (Kraken v1 and v2, OKX, Bitget, Coinbase,
 * Hyperliquid): a subscribe is answered with a snapshot of the book's top at the subscribed depth, then
 * each diff becomes an update holding what changed in that view ({@link SimBookView}), with the venue's
 * checksum and sequence fields; an unsubscribe stops the updates, and a subscribe after it, or over it,
 * sends a fresh snapshot. Subclasses parse the venue's messages and encode its frames.
 *
 * <p>An update is built once per distinct depth among an instrument's subscribers and encoded once, or per
 * connection where the frame carries per-connection fields. Buffers are preallocated; generator thread
 * only, except {@link #parse} in subclasses.
 *
 * <p>Faults: a withheld diff is lost to its subscribers (the next update's sequence or checksum shows
 * it); a malformed frame replaces an update; {@link SimFaults#corruptChecksums} alters one quantity of an
 * update among the checksummed levels and keeps the checksum of the real book.
 */
abstract class SimSnapshotWire extends SimWire
{
    /** What a corrupted update adds to one quantity: one lot of the simulated books (0.001). */
    static final long CORRUPTION_QUANTITY = 100_000L;
    private static final int NO_LEVEL = -1;
    private static final int UNKNOWN_LEVEL = -2;

    protected final SimNumberFormat format;
    protected final UnsafeBuffer nameScratch = new UnsafeBuffer(new byte[DepthMessage.MAX_SYMBOL_LENGTH]);
    private final SimBookView view;
    private final SimChecksumBook checksumBook;
    private final DepthMessage update;
    private final DepthMessage snapshot;
    private final DepthMessage corrupted;
    private final ByteBuffer frame;
    private final UnsafeBuffer frameBuffer;
    private final ByteBuffer corruptFrame;
    private final UnsafeBuffer corruptBuffer;

    SimSnapshotWire(
        final Venue venue,
        final SimSymbols symbols,
        final SimBook[] books,
        final SimSubscriptions subscriptions,
        final SimFrameSender sender,
        final SimFaults faults,
        final int maxFrameLength)
    {
        super(symbols, books, subscriptions, sender, faults);
        this.format = SimNumberFormat.forVenue(venue);
        final int sideCapacity = books[0].sideCapacity();
        this.view = new SimBookView(sideCapacity);
        this.checksumBook = new SimChecksumBook(format);
        final int levelCapacity = levelCapacity(sideCapacity);
        this.update = new DepthMessage(levelCapacity);
        this.snapshot = new DepthMessage(levelCapacity);
        this.corrupted = new DepthMessage(levelCapacity);
        this.frame = ByteBuffer.allocate(maxFrameLength);
        this.frameBuffer = new UnsafeBuffer(frame);
        this.corruptFrame = ByteBuffer.allocate(maxFrameLength);
        this.corruptBuffer = new UnsafeBuffer(corruptFrame);
        sender.reserve(maxFrameLength);
    }

    /**
     * @return the most levels one message holds: a whole book, or a diff's changes with the levels moving
     * into and out of view.
     */
    static int levelCapacity(final int sideCapacity)
    {
        return 2 * sideCapacity + 4 * SimBook.MAX_DIFF_LEVELS;
    }

    /** Levels per side the subscription of {@code session} to {@code symbolIndex} sees. */
    abstract int depth(SimSession session, int symbolIndex);

    /**
     * Writes {@code message} (a snapshot or an update of {@code symbolIndex}) as the venue's frame for
     * {@code session}.
     *
     * @return the number of bytes written.
     */
    abstract int encode(SimSession session, int symbolIndex, DepthMessage message, MutableDirectBuffer buffer);

    /** Whether a level pushed below the depth is sent as a removal (OKX) or left for the client to truncate. */
    boolean reportsPushedOut()
    {
        return false;
    }

    /** Levels per side the venue's checksum covers; 0 when it sends none. */
    int checksumLevels()
    {
        return 0;
    }

    /** The venue's checksum of {@code book}; only called when {@link #checksumLevels()} is positive. */
    long checksum(final ChecksumBook book)
    {
        throw new UnsupportedOperationException("no checksum");
    }

    /** Whether snapshots carry the checksum too (Kraken v1 sends it on updates only). */
    boolean checksumsSnapshots()
    {
        return true;
    }

    /** Whether an update with no level is still sent, as OKX does so that its {@code seqId} chain holds. */
    boolean sendsEmptyUpdates()
    {
        return false;
    }

    /** Whether the frame differs per connection (a channel id, a sequence number), so it is encoded for each. */
    boolean encodesPerSession()
    {
        return false;
    }

    /** Whether every message is a whole book at the depth (Hyperliquid) rather than the changes. */
    boolean publishesSnapshots()
    {
        return false;
    }

    /** Sets the venue's sequence fields of an update built from {@code diff}. */
    void stampUpdate(final DepthMessage update, final DepthMessage diff)
    {
    }

    /** Sets the venue's sequence fields of a snapshot of {@code book}. */
    void stampSnapshot(final DepthMessage snapshot, final SimBook book)
    {
    }

    /** A diff of {@code symbolIndex} with subscribers was withheld by a fault. */
    void onWithheld(final int symbolIndex)
    {
    }

    void beforeDiff(final int symbolIndex, final SimBook book)
    {
        final int count = subscriptions.subscriberCount(symbolIndex);
        if (count == 0 || publishesSnapshots())
        {
            return;
        }
        final SimSession[] sessions = subscriptions.subscribers(symbolIndex);
        int depth = 0;
        for (int i = 0; i < count; i++)
        {
            depth = Math.max(depth, depth(sessions[i], symbolIndex));
        }
        view.capture(book, depth);
    }

    void publish(final int symbolIndex, final DepthMessage diff, final SimBook book)
    {
        final int count = subscriptions.subscriberCount(symbolIndex);
        final boolean faulty = faults.deliveryFaulty();
        if (faulty && faults.withholdDiff(count > 0))
        {
            if (count > 0)
            {
                onWithheld(symbolIndex);
            }
            return;
        }
        final SimSession[] sessions = subscriptions.subscribers(symbolIndex);
        int builtDepth = -1;
        int length = -1;
        int corruptLevel = UNKNOWN_LEVEL;
        for (int i = 0; i < count; i++)
        {
            final SimSession session = sessions[i];
            if (sender.skip(session))
            {
                continue;
            }
            final int depth = depth(session, symbolIndex);
            if (depth != builtDepth)
            {
                buildUpdate(symbolIndex, diff, book, depth);
                builtDepth = depth;
                length = -1;
                corruptLevel = UNKNOWN_LEVEL;
            }
            if (update.levelCount() == 0 && !sendsEmptyUpdates())
            {
                continue;
            }
            if (faulty && checksumLevels() > 0 && faults.checksumCorruptionPending())
            {
                if (corruptLevel == UNKNOWN_LEVEL)
                {
                    corruptLevel = corruptibleLevel(book);
                }
                if (corruptLevel != NO_LEVEL && faults.takeChecksumCorruption())
                {
                    sendCorrupted(session, symbolIndex, corruptLevel);
                    continue;
                }
            }
            if (length < 0 || encodesPerSession())
            {
                length = encode(session, symbolIndex, update, frameBuffer);
            }
            sender.send(session, frame, length, faulty);
        }
    }

    /**
     * Subscribes {@code session} to {@code symbolIndex}, or changes its subscription when it has one, and
     * records the depth and channel id the venue gave it; the caller acknowledges, then sends the snapshot.
     */
    protected final void subscribe(final SimSession session, final int symbolIndex, final int depth, final int channelId)
    {
        subscriptions.subscribe(session, symbolIndex);
        session.subscription(symbolIndex, depth, channelId);
    }

    /**
     * @return false when {@code session} was not subscribed to {@code symbolIndex}.
     */
    protected final boolean unsubscribe(final SimSession session, final int symbolIndex)
    {
        if (!session.isSubscribed(symbolIndex))
        {
            return false;
        }
        subscriptions.unsubscribe(session, symbolIndex);
        return true;
    }

    /** Sends {@code session} the book of {@code symbolIndex} as it is now, at its subscribed depth. */
    protected final void sendSnapshot(final SimSession session, final int symbolIndex)
    {
        final SimBook book = books[symbolIndex];
        final int depth = depth(session, symbolIndex);
        begin(snapshot, symbolIndex, DepthMessage.KIND_SNAPSHOT, sender.nowMs());
        SimBookView.appendTop(book, DepthMessage.BID, depth, format, snapshot);
        SimBookView.appendTop(book, DepthMessage.ASK, depth, format, snapshot);
        stampSnapshot(snapshot, book);
        if (checksumLevels() > 0 && checksumsSnapshots())
        {
            snapshot.checksum(checksum(checksumBook.wrap(book)));
        }
        sender.send(session, frame, encode(session, symbolIndex, snapshot, frameBuffer), faults.deliveryFaulty());
    }

    /** Sends a frame written into {@link #scratchBuffer()}, such as a heartbeat; never corrupted. */
    protected final void sendScratch(final SimSession session, final int length)
    {
        sender.send(session, corruptFrame, length, false);
    }

    /** A buffer for timed frames, free between publishes. */
    protected final MutableDirectBuffer scratchBuffer()
    {
        return corruptBuffer;
    }

    private void buildUpdate(final int symbolIndex, final DepthMessage diff, final SimBook book, final int depth)
    {
        if (publishesSnapshots())
        {
            begin(update, symbolIndex, DepthMessage.KIND_SNAPSHOT, diff.eventTimeMs());
            SimBookView.appendTop(book, DepthMessage.BID, depth, format, update);
            SimBookView.appendTop(book, DepthMessage.ASK, depth, format, update);
        }
        else
        {
            begin(update, symbolIndex, DepthMessage.KIND_DELTA, diff.eventTimeMs());
            view.appendChanges(book, DepthMessage.BID, depth, reportsPushedOut(), format, update);
            view.appendChanges(book, DepthMessage.ASK, depth, reportsPushedOut(), format, update);
        }
        stampUpdate(update, diff);
        if (checksumLevels() > 0)
        {
            update.checksum(checksum(checksumBook.wrap(book)));
        }
    }

    private void begin(final DepthMessage message, final int symbolIndex, final byte kind, final long eventTimeMs)
    {
        message.reset();
        message.scales(SimBook.SCALE, SimBook.SCALE).kind(kind).eventTimeMs(eventTimeMs);
        symbols.setSymbol(message, nameScratch, symbolIndex);
    }

    /** The first level of the update present in the book among its checksummed top, or {@link #NO_LEVEL}. */
    private int corruptibleLevel(final SimBook book)
    {
        for (int i = 0, count = update.levelCount(); i < count; i++)
        {
            if (update.quantity(i) > 0)
            {
                final int rank = book.indexOf(update.side(i), update.price(i));
                if (rank >= 0 && rank < checksumLevels())
                {
                    return i;
                }
            }
        }
        return NO_LEVEL;
    }

    private void sendCorrupted(final SimSession session, final int symbolIndex, final int level)
    {
        corrupted.reset();
        corrupted.scales(update.priceScale(), update.quantityScale()).kind(update.kind())
            .eventTimeMs(update.eventTimeMs()).firstUpdateId(update.firstUpdateId())
            .lastUpdateId(update.lastUpdateId()).previousUpdateId(update.previousUpdateId())
            .sequence(update.sequence());
        corrupted.symbol(update.symbolBytes(), 0, update.symbolLength());
        if (update.hasChecksum())
        {
            corrupted.checksum(update.checksum());
        }
        for (int i = 0, count = update.levelCount(); i < count; i++)
        {
            final long quantity = update.quantity(i) + (i == level ? CORRUPTION_QUANTITY : 0);
            format.addLevel(corrupted, update.side(i), update.price(i), quantity);
        }
        sender.send(session, corruptFrame, encode(session, symbolIndex, corrupted, corruptBuffer), false);
    }
}
