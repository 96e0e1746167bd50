package io.fathom.bench.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fathom.codec.DepthMessage;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a Jackson streaming parser extracts from one depth frame, into the same primitive fields and arrays
 * that {@link io.fathom.codec.DepthMessage} holds, so the two decoders do the same work on the same bytes.
 *
 * <p>Decimals are converted the way a Java design without fixed-point parsing would: {@link Numbers#DOUBLE}
 * with {@link Double#parseDouble(String)} (or {@link JsonParser#getDoubleValue()} for JSON numbers) into
 * {@code double} arrays; {@link Numbers#BIG_DECIMAL} with {@code new BigDecimal(char[], int, int)} (or
 * {@link JsonParser#getDecimalValue()}) moved to the fixed-point scale into {@code long} mantissas, keeping
 * each value's received decimals as Fathom does.
 */
public final class JacksonDepth
{
    /** How a decimal's text becomes a number. */
    public enum Numbers
    {
        DOUBLE,
        BIG_DECIMAL
    }

    public static final long NO_ID = -1L;

    public final Numbers numbers;
    public final int scale;

    public long eventTimeMs;
    public long firstUpdateId;
    public long lastUpdateId;
    public long previousUpdateId;
    public long sequence;
    public long checksum;
    public boolean hasChecksum;
    public boolean snapshot;
    public final byte[] symbol = new byte[64];
    public int symbolLength;

    public int levelCount;
    public final byte[] sides;
    public final long[] prices;
    public final long[] quantities;
    public final int[] priceDecimals;
    public final int[] quantityDecimals;
    public final double[] priceValues;
    public final double[] quantityValues;

    private long pendingPrice;
    private long pendingQuantity;
    private int pendingPriceDecimals;
    private int pendingQuantityDecimals;
    private double pendingPriceValue;
    private double pendingQuantityValue;

    public JacksonDepth(final Numbers numbers, final int scale, final int levelCapacity)
    {
        this.numbers = numbers;
        this.scale = scale;
        sides = new byte[levelCapacity];
        prices = new long[levelCapacity];
        quantities = new long[levelCapacity];
        priceDecimals = new int[levelCapacity];
        quantityDecimals = new int[levelCapacity];
        priceValues = new double[levelCapacity];
        quantityValues = new double[levelCapacity];
    }

    public void reset()
    {
        eventTimeMs = 0;
        firstUpdateId = NO_ID;
        lastUpdateId = NO_ID;
        previousUpdateId = NO_ID;
        sequence = NO_ID;
        checksum = 0;
        hasChecksum = false;
        snapshot = false;
        symbolLength = 0;
        levelCount = 0;
    }

    /** Copies the current string token into {@link #symbol} (ASCII) without making a String. */
    public void symbol(final JsonParser parser) throws IOException
    {
        final char[] text = parser.getTextCharacters();
        final int offset = parser.getTextOffset();
        final int length = Math.min(parser.getTextLength(), symbol.length);
        for (int i = 0; i < length; i++)
        {
            symbol[i] = (byte)text[offset + i];
        }
        symbolLength = length;
    }

    /** Copies an ASCII symbol into {@link #symbol}, for readers that hand it over as a String. */
    public void symbol(final String text)
    {
        final int length = Math.min(text.length(), symbol.length);
        for (int i = 0; i < length; i++)
        {
            symbol[i] = (byte)text.charAt(i);
        }
        symbolLength = length;
    }

    /** A price another reader already converted to a {@code double} ({@link Numbers#DOUBLE} only). */
    public void priceValue(final double value)
    {
        pendingPriceValue = value;
    }

    /** A quantity another reader already converted to a {@code double} ({@link Numbers#DOUBLE} only). */
    public void quantityValue(final double value)
    {
        pendingQuantityValue = value;
    }

    /** The current token, a JSON integer or a quoted one, as a {@code long}. */
    public static long longValue(final JsonParser parser) throws IOException
    {
        return parser.currentToken() == JsonToken.VALUE_STRING ? Long.parseLong(parser.getText()) : parser.getLongValue();
    }

    /** The current token, an RFC 3339 time string, as epoch milliseconds. */
    public static long epochMs(final JsonParser parser) throws IOException
    {
        return Instant.parse(parser.getText()).toEpochMilli();
    }

    /** The current token, a quoted decimal of seconds ({@code "1618678123.481570"}), as microseconds. */
    public long timestampMicros(final JsonParser parser) throws IOException
    {
        if (Numbers.DOUBLE == numbers)
        {
            return Math.round(Double.parseDouble(parser.getText()) * 1e6);
        }
        return decimalValue(parser).movePointRight(6).longValue();
    }

    /** Whether the current string token is {@code expected}, compared without making a String. */
    public static boolean textEquals(final JsonParser parser, final String expected) throws IOException
    {
        final int length = parser.getTextLength();
        if (length != expected.length())
        {
            return false;
        }
        final char[] text = parser.getTextCharacters();
        final int offset = parser.getTextOffset();
        for (int i = 0; i < length; i++)
        {
            if (text[offset + i] != expected.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /** Skips the remaining elements of the array the parser is in, up to and onto its end. */
    public static void skipRestOfArray(final JsonParser parser) throws IOException
    {
        while (parser.nextToken() != JsonToken.END_ARRAY)
        {
            parser.skipChildren();
        }
    }

    public void price(final JsonParser parser) throws IOException
    {
        if (Numbers.DOUBLE == numbers)
        {
            pendingPriceValue = doubleValue(parser);
        }
        else
        {
            final BigDecimal value = decimalValue(parser);
            pendingPrice = value.movePointRight(scale).longValueExact();
            pendingPriceDecimals = Math.max(0, value.scale());
        }
    }

    public void quantity(final JsonParser parser) throws IOException
    {
        if (Numbers.DOUBLE == numbers)
        {
            pendingQuantityValue = doubleValue(parser);
        }
        else
        {
            final BigDecimal value = decimalValue(parser);
            pendingQuantity = value.movePointRight(scale).longValueExact();
            pendingQuantityDecimals = Math.max(0, value.scale());
        }
    }

    /** Appends the price and quantity just read as one level. */
    public void addLevel(final byte side)
    {
        final int i = levelCount;
        sides[i] = side;
        prices[i] = pendingPrice;
        quantities[i] = pendingQuantity;
        priceDecimals[i] = pendingPriceDecimals;
        quantityDecimals[i] = pendingQuantityDecimals;
        priceValues[i] = pendingPriceValue;
        quantityValues[i] = pendingQuantityValue;
        levelCount = i + 1;
    }

    /**
     * Reads a level array {@code ["price","quantity", ...]} whose start the parser is on, skipping any
     * further elements.
     */
    public void arrayLevel(final JsonParser parser, final byte side) throws IOException
    {
        parser.nextToken();
        price(parser);
        parser.nextToken();
        quantity(parser);
        skipRestOfArray(parser);
        addLevel(side);
    }

    /** Reads an array of level arrays whose start the parser is on. */
    public void arrayLevels(final JsonParser parser, final byte side) throws IOException
    {
        while (parser.nextToken() == JsonToken.START_ARRAY)
        {
            arrayLevel(parser, side);
        }
    }

    /**
     * Compares what this holds with what Fathom decoded from the same frame: ids, times, checksum, symbol
     * and every level (exactly for {@link Numbers#BIG_DECIMAL}, to the nearest mantissa for
     * {@link Numbers#DOUBLE}).
     *
     * @return the first difference, or null when there is none.
     */
    public String differenceFrom(final DepthMessage message)
    {
        if (levelCount != message.levelCount())
        {
            return "levels " + levelCount + " vs " + message.levelCount();
        }
        if (eventTimeMs != message.eventTimeMs() || firstUpdateId != message.firstUpdateId() ||
            lastUpdateId != message.lastUpdateId() || previousUpdateId != message.previousUpdateId() ||
            sequence != message.sequence() || hasChecksum != message.hasChecksum() || checksum != message.checksum())
        {
            return "header E=" + eventTimeMs + "/" + message.eventTimeMs() + " U=" + firstUpdateId + "/" +
                message.firstUpdateId() + " u=" + lastUpdateId + "/" + message.lastUpdateId() + " pu=" +
                previousUpdateId + "/" + message.previousUpdateId() + " seq=" + sequence + "/" + message.sequence() +
                " checksum=" + checksum + "/" + message.checksum();
        }
        if (symbolLength != message.symbolLength() ||
            !java.util.Arrays.equals(symbol, 0, symbolLength, message.symbolBytes(), 0, symbolLength))
        {
            return "symbol";
        }
        final double unit = Math.pow(10, scale);
        for (int i = 0; i < levelCount; i++)
        {
            final boolean same = Numbers.DOUBLE == numbers ?
                Math.round(priceValues[i] * unit) == message.price(i) &&
                Math.round(quantityValues[i] * unit) == message.quantity(i) :
                prices[i] == message.price(i) && quantities[i] == message.quantity(i) &&
                priceDecimals[i] == message.priceDecimals(i) && quantityDecimals[i] == message.quantityDecimals(i);
            if (sides[i] != message.side(i) || !same)
            {
                return "level " + i;
            }
        }
        return null;
    }

    private static double doubleValue(final JsonParser parser) throws IOException
    {
        return parser.currentToken() == JsonToken.VALUE_STRING ?
            Double.parseDouble(parser.getText()) : parser.getDoubleValue();
    }

    private static BigDecimal decimalValue(final JsonParser parser) throws IOException
    {
        return parser.currentToken() == JsonToken.VALUE_STRING ?
            new BigDecimal(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength()) :
            parser.getDecimalValue();
    }
}
