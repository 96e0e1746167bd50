package io.fathom.codec.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

import static io.fathom.codec.wire.WireHeader.BYTE_ORDER;

/**
 * Names an instrument id of one publisher and gives the scales of its mantissas; sent before anything else
 * about the instrument and again before each of its snapshots, so a late joiner learns it.
 *
 * <pre>
 *  block (after the header), little-endian:
 *   0  int8   price scale (decimals of price mantissas)
 *   1  int8   quantity scale
 *   2  int16  symbol length n, 1..{@link #MAX_SYMBOL_LENGTH}
 *   4  n bytes  symbol, US-ASCII, upper case
 * </pre>
 */
public final class InstrumentDefinition
{
    public static final int BLOCK_LENGTH = 4;
    public static final int MAX_SYMBOL_LENGTH = 64;

    private static final int PRICE_SCALE = 0;
    private static final int QUANTITY_SCALE = 1;
    private static final int SYMBOL_LENGTH = 2;
    private static final int SYMBOL = 4;

    private DirectBuffer buffer;
    private int body;

    /** Writes a whole message (header and block) at {@code offset}; returns its length. */
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
        final byte[] ascii = symbol.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length == 0 || ascii.length > MAX_SYMBOL_LENGTH)
        {
            throw new IllegalArgumentException("symbol must be 1.." + MAX_SYMBOL_LENGTH + " characters: " + symbol);
        }
        WireHeader.put(buffer, offset, WireTemplate.INSTRUMENT, BLOCK_LENGTH, instrumentId, sequence, publishNs);
        final int body = offset + WireHeader.LENGTH;
        buffer.putByte(body + PRICE_SCALE, (byte)priceScale);
        buffer.putByte(body + QUANTITY_SCALE, (byte)quantityScale);
        buffer.putShort(body + SYMBOL_LENGTH, (short)ascii.length, BYTE_ORDER);
        buffer.putBytes(body + SYMBOL, ascii);
        return WireHeader.LENGTH + SYMBOL + ascii.length;
    }

    /** Reads the message at {@code offset} (its header included). */
    public InstrumentDefinition wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.body = offset + WireHeader.LENGTH;
        return this;
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

    /** Allocates: called once per instrument definition, off any hot path. */
    public String symbol()
    {
        return buffer.getStringWithoutLengthAscii(body + SYMBOL, symbolLength());
    }
}
