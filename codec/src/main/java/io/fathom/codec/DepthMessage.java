package io.fathom.codec;

import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.instrument.ScaleCatalogue;

/**
 * One decoded depth message: the reusable target every venue decoder writes into.
 *
 * <p>Prices and quantities are fixed-point mantissas at {@link #priceScale()} and {@link #quantityScale()}
 * decimals: the instrument's own once the symbol is set, when the decoder began with
 * {@link #scales(ScaleCatalogue)}. A decoder fills an instance on the feed thread; the engine copies it into
 * ring events. Nothing here allocates after construction.
 *
 * <p>Each level also keeps how many fractional digits its price and quantity text had as received
 * ({@link #priceDecimals(int)}, {@link #quantityDecimals(int)}), because Kraken's and OKX's checksums hash
 * the digits as sent, trailing zeros included, and those need not match the instrument's scale.
 */
public final class DepthMessage
{
    public static final byte BID = 0;
    public static final byte ASK = 1;

    public static final byte KIND_DELTA = 0;
    public static final byte KIND_SNAPSHOT = 1;

    /** Marks an absent sequence field, for example {@code pu} on a spot stream. */
    public static final long NO_ID = -1L;

    public static final int MAX_SYMBOL_LENGTH = 64;

    /** The most fractional digits a received decimal may carry; decoders reject longer text. */
    public static final int MAX_DECIMALS = 32;

    /** Recorded by {@link #addLevel(byte, long, long)}: the level's decimals are those of the message's scale. */
    private static final byte SCALE_DECIMALS = -1;

    private final byte[] symbol = new byte[MAX_SYMBOL_LENGTH];
    private int symbolLength;
    private int attemptedSymbolLength;
    private byte kind;
    private long eventTimeMs;
    private long firstUpdateId;
    private long lastUpdateId;
    private long previousUpdateId;
    private int priceScale;
    private int quantityScale;
    private ScaleCatalogue catalogue;
    private long checksum;
    private boolean hasChecksum;
    private long sequence;

    private final byte[] sides;
    private final long[] prices;
    private final long[] quantities;
    private final byte[] priceDecimals;
    private final byte[] quantityDecimals;
    private int levelCount;
    private DecodeResult refusal = DecodeResult.TOO_MANY_LEVELS;

    /**
     * @param levelCapacity the most levels one message may carry; a decoder rejects a larger one.
     */
    public DepthMessage(final int levelCapacity)
    {
        if (levelCapacity <= 0)
        {
            throw new IllegalArgumentException("levelCapacity must be positive: " + levelCapacity);
        }
        sides = new byte[levelCapacity];
        prices = new long[levelCapacity];
        quantities = new long[levelCapacity];
        priceDecimals = new byte[levelCapacity];
        quantityDecimals = new byte[levelCapacity];
        reset();
    }

    /** Clears every field so a failed decode never leaves a previous message's values behind. */
    public void reset()
    {
        symbolLength = 0;
        kind = KIND_DELTA;
        eventTimeMs = 0;
        firstUpdateId = NO_ID;
        lastUpdateId = NO_ID;
        previousUpdateId = NO_ID;
        checksum = 0;
        hasChecksum = false;
        sequence = NO_ID;
        levelCount = 0;
    }

    public byte kind()
    {
        return kind;
    }

    public DepthMessage kind(final byte kind)
    {
        this.kind = kind;
        return this;
    }

    public long eventTimeMs()
    {
        return eventTimeMs;
    }

    public DepthMessage eventTimeMs(final long eventTimeMs)
    {
        this.eventTimeMs = eventTimeMs;
        return this;
    }

    /** Binance {@code U}; for a snapshot, equal to {@link #lastUpdateId()}. */
    public long firstUpdateId()
    {
        return firstUpdateId;
    }

    public DepthMessage firstUpdateId(final long firstUpdateId)
    {
        this.firstUpdateId = firstUpdateId;
        return this;
    }

    /** Binance {@code u}, or a snapshot's {@code lastUpdateId}. */
    public long lastUpdateId()
    {
        return lastUpdateId;
    }

    public DepthMessage lastUpdateId(final long lastUpdateId)
    {
        this.lastUpdateId = lastUpdateId;
        return this;
    }

    /**
     * Binance futures {@code pu}, or OKX {@code prevSeqId}; {@link #NO_ID} where the venue sends none
     * (and for an OKX snapshot, whose {@code prevSeqId} is -1).
     */
    public long previousUpdateId()
    {
        return previousUpdateId;
    }

    public DepthMessage previousUpdateId(final long previousUpdateId)
    {
        this.previousUpdateId = previousUpdateId;
        return this;
    }

    /** Whether the venue sent a book checksum with this message. */
    public boolean hasChecksum()
    {
        return hasChecksum;
    }

    /**
     * The venue's book checksum: Kraken's unsigned CRC32 ({@code 0..2^32-1}) or OKX's and Bitget's signed
     * one ({@code -2^31..2^31-1}), directly comparable with {@code KrakenChecksum.compute} and
     * {@code OkxChecksum.compute}; 0 when {@link #hasChecksum()} is false.
     */
    public long checksum()
    {
        return checksum;
    }

    public DepthMessage checksum(final long checksum)
    {
        this.checksum = checksum;
        this.hasChecksum = true;
        return this;
    }

    /**
     * A connection-wide message sequence number (Coinbase {@code sequence_num}, which counts every message
     * on the connection, whatever its channel or product); {@link #NO_ID} where the venue sends none.
     */
    public long sequence()
    {
        return sequence;
    }

    public DepthMessage sequence(final long sequence)
    {
        this.sequence = sequence;
        return this;
    }

    public int priceScale()
    {
        return priceScale;
    }

    public int quantityScale()
    {
        return quantityScale;
    }

    /** Fixed scales for this message, whatever its symbol: for snapshots without one, encoders and replay. */
    public DepthMessage scales(final int priceScale, final int quantityScale)
    {
        this.priceScale = priceScale;
        this.quantityScale = quantityScale;
        this.catalogue = null;
        return this;
    }

    /** Starts at the catalogue's default scales; setting the symbol switches to the instrument's own, if listed. */
    public DepthMessage scales(final ScaleCatalogue catalogue)
    {
        this.priceScale = catalogue.defaultPriceScale();
        this.quantityScale = catalogue.defaultQuantityScale();
        this.catalogue = catalogue.isUniform() ? null : catalogue;
        this.attemptedSymbolLength = 0;
        return this;
    }

    /**
     * Converts the levels added so far from the given scales to the current ones, for a decoder that read them
     * before the symbol that set the scales.
     *
     * @return false, the levels then part converted, when a value is not representable at the new scales.
     */
    public boolean rescaleLevels(final int fromPriceScale, final int fromQuantityScale)
    {
        for (int i = 0; i < levelCount; i++)
        {
            final long price = FixedPoint.rescale(prices[i], fromPriceScale, priceScale);
            final long quantity = FixedPoint.rescale(quantities[i], fromQuantityScale, quantityScale);
            if (FixedPoint.INVALID == price || FixedPoint.INVALID == quantity)
            {
                return false;
            }
            prices[i] = price;
            quantities[i] = quantity;
        }
        return true;
    }

    /** The raw symbol bytes as the venue sent them (ASCII). */
    public byte[] symbolBytes()
    {
        return symbol;
    }

    public int symbolLength()
    {
        return symbolLength;
    }

    /**
     * Sets the symbol from ASCII bytes.
     *
     * @return false when the symbol is longer than {@link #MAX_SYMBOL_LENGTH}.
     */
    public boolean symbol(final byte[] src, final int offset, final int length)
    {
        if (length > MAX_SYMBOL_LENGTH)
        {
            return false;
        }
        System.arraycopy(src, offset, symbol, 0, length);
        symbolLength = length;
        attemptedSymbolLength = length;
        if (null != catalogue)
        {
            final int index = catalogue.lookup(src, offset, length);
            priceScale = catalogue.priceScale(index);
            quantityScale = catalogue.quantityScale(index);
        }
        return true;
    }

    /**
     * The length of the symbol in {@link #symbolBytes()} the last decode begun by {@link #scales(ScaleCatalogue)}
     * read, kept when it then failed (its scales kept too), so a failure names its instrument; 0 if none was read.
     */
    public int attemptedSymbolLength()
    {
        return attemptedSymbolLength;
    }

    /** Allocates; for tests and messages, never on the hot path. */
    public String symbolAsString()
    {
        return new String(symbol, 0, symbolLength, java.nio.charset.StandardCharsets.US_ASCII);
    }

    public int levelCapacity()
    {
        return prices.length;
    }

    public int levelCount()
    {
        return levelCount;
    }

    /**
     * Appends a level in message order.
     *
     * @return false when the message already holds {@link #levelCapacity()} levels, the price is zero or
     * negative, or the quantity is negative; {@link #refusal()} says which.
     */
    public boolean addLevel(final byte side, final long price, final long quantity)
    {
        return add(side, price, quantity, SCALE_DECIMALS, SCALE_DECIMALS);
    }

    /**
     * Appends a level in message order with the fractional digit counts its text had as received.
     *
     * @param priceDecimals    0..{@link #MAX_DECIMALS}.
     * @param quantityDecimals 0..{@link #MAX_DECIMALS}.
     * @return false when the message already holds {@link #levelCapacity()} levels, the price is zero or
     * negative, or the quantity is negative; {@link #refusal()} says which.
     * @throws IllegalArgumentException when a decimal count is out of range (a caller bug).
     */
    public boolean addLevel(
        final byte side, final long price, final long quantity, final int priceDecimals, final int quantityDecimals)
    {
        if (priceDecimals < 0 || priceDecimals > MAX_DECIMALS || quantityDecimals < 0 ||
            quantityDecimals > MAX_DECIMALS)
        {
            throw new IllegalArgumentException(
                "decimals outside 0.." + MAX_DECIMALS + ": price=" + priceDecimals + " quantity=" + quantityDecimals);
        }
        return add(side, price, quantity, (byte)priceDecimals, (byte)quantityDecimals);
    }

    private boolean add(
        final byte side, final long price, final long quantity, final byte priceDecimals, final byte quantityDecimals)
    {
        final int i = levelCount;
        if (i == prices.length)
        {
            refusal = DecodeResult.TOO_MANY_LEVELS;
            return false;
        }
        if (price <= 0 || quantity < 0)
        {
            refusal = price <= 0 ? DecodeResult.INVALID_PRICE : DecodeResult.INVALID_NUMBER;
            return false;
        }
        sides[i] = side;
        prices[i] = price;
        quantities[i] = quantity;
        this.priceDecimals[i] = priceDecimals;
        this.quantityDecimals[i] = quantityDecimals;
        levelCount = i + 1;
        return true;
    }

    /**
     * Why the last refused {@code addLevel} was refused, for a decoder to report: {@link DecodeResult#TOO_MANY_LEVELS}
     * when the message was full, {@link DecodeResult#INVALID_PRICE} for a price of zero or below, or
     * {@link DecodeResult#INVALID_NUMBER} for a negative quantity (zero is legal: it deletes a level).
     */
    public DecodeResult refusal()
    {
        return refusal;
    }

    public byte side(final int index)
    {
        return sides[index];
    }

    public long price(final int index)
    {
        return prices[index];
    }

    public long quantity(final int index)
    {
        return quantities[index];
    }

    /**
     * The fractional digits of the level's price text as received, or {@link #priceScale()} when the level
     * was added without them.
     */
    public int priceDecimals(final int index)
    {
        final byte decimals = priceDecimals[index];
        return SCALE_DECIMALS == decimals ? priceScale : decimals;
    }

    /**
     * The fractional digits of the level's quantity text as received, or {@link #quantityScale()} when the
     * level was added without them.
     */
    public int quantityDecimals(final int index)
    {
        final byte decimals = quantityDecimals[index];
        return SCALE_DECIMALS == decimals ? quantityScale : decimals;
    }
}
