package io.fathom.engine.ring;

import io.fathom.codec.DepthMessage;

/**
 * A preallocated ring slot: one depth message, or one part of a message larger than a slot.
 *
 * <p>Producers fill the message fields; the book handler writes {@link #outcome} and
 * {@link #snapshotSlot} for the journal handler, which is gated behind it and so sees them.
 */
public final class DepthEvent
{
    public static final byte KIND_DELTA = DepthMessage.KIND_DELTA;
    public static final byte KIND_SNAPSHOT = DepthMessage.KIND_SNAPSHOT;
    /** Control: the instrument's connection was lost, its book can no longer be trusted. */
    public static final byte KIND_RESET = 2;
    /** Control: the instrument's feed was cancelled; its book closes and ignores events until reopened. */
    public static final byte KIND_CLOSE = 3;
    /** Control: the instrument's feed was launched (again); a closed book starts syncing afresh. */
    public static final byte KIND_OPEN = 4;
    /**
     * A sync snapshot read back from a journal: authoritative, loaded whatever the book's state and
     * without the venue's staleness check; the deltas journaled with it precede it on the ring.
     */
    public static final byte KIND_JOURNAL_SNAPSHOT = 5;
    /**
     * Control: a producer dropped messages of the instrument because the ring stayed full (see
     * {@link RingOverflow}); its book can no longer be trusted and must resync.
     */
    public static final byte KIND_OVERFLOW = 6;
    /**
     * Control: a message of the instrument held a value its scale cannot hold and was not published; its book
     * can no longer be trusted and must resync, as after {@link #KIND_OVERFLOW}.
     */
    public static final byte KIND_UNREPRESENTABLE = 7;

    /** Outcomes the book handler records. */
    public static final byte OUTCOME_NONE = 0;
    public static final byte OUTCOME_APPLIED = 1;
    public static final byte OUTCOME_BUFFERED = 2;
    public static final byte OUTCOME_DISCARDED = 3;

    public int instrumentId;
    public byte kind;
    public int partIndex;
    public int partCount;
    public long eventTimeMs;
    public long firstUpdateId;
    public long lastUpdateId;
    public long previousUpdateId;
    /** {@link System#nanoTime()} when the frame was received; the latency origin. */
    public long receiveNanos;
    /** Wall-clock receive time, epoch ns, for the journal. */
    public long receiveEpochNs;
    /** The venue's checksum of the book after this message, valid when {@link #hasChecksum}; on the last part. */
    public long checksum;
    public boolean hasChecksum;

    public int levelCount;
    public final byte[] sides;
    public final long[] prices;
    public final long[] quantities;
    /** Fractional digits of each level's price and quantity text as received (checksums hash those). */
    public final byte[] priceDecimals;
    public final byte[] quantityDecimals;

    public byte outcome;
    /** A snapshot slot the journal handler must write at this point of the stream, or -1. */
    public int snapshotSlot;
    /** A book-state change the journal handler must record at this point, or 0. */
    public byte invalidationReason;
    public long invalidatedUpdateId;
    /** When the book handler invalidated the book (epoch ns), the time its {@code book_state} record carries. */
    public long invalidatedEpochNs;

    public DepthEvent(final int levelCapacity)
    {
        sides = new byte[levelCapacity];
        prices = new long[levelCapacity];
        quantities = new long[levelCapacity];
        priceDecimals = new byte[levelCapacity];
        quantityDecimals = new byte[levelCapacity];
    }

    public int levelCapacity()
    {
        return prices.length;
    }

    public boolean isLastPart()
    {
        return partIndex == partCount - 1;
    }
}
