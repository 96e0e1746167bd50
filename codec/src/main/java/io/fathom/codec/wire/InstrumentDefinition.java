package io.fathom.codec.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static io.fathom.codec.wire.WireHeader.BYTE_ORDER;

/**
 * Names an instrument id of one publisher (its venue and symbol) and gives the scales of its mantissas; sent
 * before anything else about the instrument and again before each of its snapshots, so a late joiner learns it.
 *
 * <pre>
 *  block (after the header), little-endian, version 2:
 *   0  int8   price scale (decimals of price mantissas)
 *   1  int8   quantity scale
 *   2  int16  symbol length n, 1..{@link #MAX_SYMBOL_LENGTH}
 *   4  int16  venue length v, 0..{@link #MAX_VENUE_LENGTH} (0: the publisher names no venue)
 *  then, at the block's end (header's block length, 6):
 *      n bytes  symbol, US-ASCII, upper case
 *      v bytes  venue id, US-ASCII, lower case, e.g. binance-usdm
 *
 *  version 1: block length 4 (no venue length), then the symbol; read as naming no venue.
 * </pre>
 */
public final class InstrumentDefinition
{
    public static final int BLOCK_LENGTH = 6;
    public static final int MAX_SYMBOL_LENGTH = 64;
    public static final int MAX_VENUE_LENGTH = 32;

    private static final int VERSION_1_BLOCK_LENGTH = 4;
    private static final int PRICE_SCALE = 0;
    private static final int QUANTITY_SCALE = 1;
    private static final int SYMBOL_LENGTH = 2;
    private static final int VENUE_LENGTH = 4;
    private static final byte[] NO_VENUE = new byte[0];

    private DirectBuffer buffer;
    private int body;
    private int variable;
    private boolean hasVenue;

    /** Writes a whole message (header, block, symbol and venue) at {@code offset}; returns its length. Allocates. */
    public static int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final int instrumentId,
        final int sequence,
        final long publishNs,
        final String symbol,
        final int priceScale,
        final int quantityScale)
    {
        return encode(buffer, offset, new Names(symbol, null), instrumentId, sequence, publishNs, priceScale, quantityScale);
    }

    /**
     * Writes a whole message at {@code offset} from names encoded once, without allocating; returns its length.
     */
    public static int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final Names names,
        final int instrumentId,
        final int sequence,
        final long publishNs,
        final int priceScale,
        final int quantityScale)
    {
        WireHeader.put(buffer, offset, WireTemplate.INSTRUMENT, BLOCK_LENGTH, instrumentId, sequence, publishNs);
        final int body = offset + WireHeader.LENGTH;
        buffer.putByte(body + PRICE_SCALE, (byte)priceScale);
        buffer.putByte(body + QUANTITY_SCALE, (byte)quantityScale);
        buffer.putShort(body + SYMBOL_LENGTH, (short)names.symbol.length, BYTE_ORDER);
        buffer.putShort(body + VENUE_LENGTH, (short)names.venue.length, BYTE_ORDER);
        buffer.putBytes(body + BLOCK_LENGTH, names.symbol);
        buffer.putBytes(body + BLOCK_LENGTH + names.symbol.length, names.venue);
        return length(names);
    }

    /** The length of a message naming {@code names}. */
    public static int length(final Names names)
    {
        return WireHeader.LENGTH + BLOCK_LENGTH + names.symbol.length + names.venue.length;
    }

    /**
     * Reads the message at {@code offset} (its header included), of version 1 or 2.
     *
     * @return this, or null when the message is shorter than its block and names say ({@code length} bytes).
     */
    public InstrumentDefinition wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.body = offset + WireHeader.LENGTH;
        final int blockLength = WireHeader.blockLength(buffer, offset);
        this.hasVenue = WireHeader.version(buffer, offset) >= 2 && blockLength >= BLOCK_LENGTH;
        this.variable = body + blockLength;
        if (length < WireHeader.LENGTH + VERSION_1_BLOCK_LENGTH || blockLength < VERSION_1_BLOCK_LENGTH ||
            symbolLength() < 1 || symbolLength() > MAX_SYMBOL_LENGTH || venueLength() < 0 || venueLength() > MAX_VENUE_LENGTH ||
            variable + symbolLength() + venueLength() > offset + length)
        {
            return null;
        }
        return this;
    }

    /** Reads the message at {@code offset} (its header included), trusting its lengths; see {@link #wrap(DirectBuffer, int, int)}. */
    public InstrumentDefinition wrap(final DirectBuffer buffer, final int offset)
    {
        return wrap(buffer, offset, Integer.MAX_VALUE - offset);
    }

    public int priceScale()
    {
        return buffer.getByte(body + PRICE_SCALE);
    }

    public int quantityScale()
    {
        return buffer.getByte(body + QUANTITY_SCALE);
    }

    public int symbolLength()
    {
        return buffer.getShort(body + SYMBOL_LENGTH, BYTE_ORDER);
    }

    /** Bytes of the venue id; 0 when the publisher names none (always so in version 1). */
    public int venueLength()
    {
        return hasVenue ? buffer.getShort(body + VENUE_LENGTH, BYTE_ORDER) : 0;
    }

    /** Allocates: called once per instrument definition, off any hot path. */
    public String symbol()
    {
        return buffer.getStringWithoutLengthAscii(variable, symbolLength());
    }

    /** The venue id, empty when the publisher names none. Allocates, as {@link #symbol()}. */
    public String venue()
    {
        return buffer.getStringWithoutLengthAscii(variable + symbolLength(), venueLength());
    }

    /**
     * An instrument's symbol (upper case) and venue id (lower case) as US-ASCII bytes, made once so that a
     * publisher encodes definitions without allocating.
     */
    public static final class Names
    {
        private final byte[] symbol;
        private final byte[] venue;

        /**
         * @param venue the venue id, or null or empty to name none.
         * @throws IllegalArgumentException for a symbol of 0 or over {@link #MAX_SYMBOL_LENGTH} characters, or a venue over
         *                                  {@link #MAX_VENUE_LENGTH}.
         */
        public Names(final String symbol, final String venue)
        {
            this.symbol = symbol.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            this.venue = venue == null ? NO_VENUE : venue.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            if (this.symbol.length == 0 || this.symbol.length > MAX_SYMBOL_LENGTH)
            {
                throw new IllegalArgumentException("symbol must be 1.." + MAX_SYMBOL_LENGTH + " characters: " + symbol);
            }
            if (this.venue.length > MAX_VENUE_LENGTH)
            {
                throw new IllegalArgumentException("venue must be at most " + MAX_VENUE_LENGTH + " characters: " + venue);
            }
        }
    }
}
