package io.fathom.codec;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test helpers for venue codecs: generated messages whose levels carry received decimals, and
 * field-by-field comparison including decimals, checksum and sequence.
 */
public final class Messages
{
    public static final int SCALE = 8;

    /** One level as the codecs see it. */
    public record Level(byte side, long price, long quantity, int priceDecimals, int quantityDecimals)
    {
    }

    private Messages()
    {
    }

    public static List<Level> levels(final DepthMessage message)
    {
        final List<Level> levels = new ArrayList<>();
        for (int i = 0; i < message.levelCount(); i++)
        {
            levels.add(new Level(message.side(i), message.price(i), message.quantity(i),
                message.priceDecimals(i), message.quantityDecimals(i)));
        }
        return levels;
    }

    public static void assertSameMessage(final DepthMessage actual, final DepthMessage expected)
    {
        assertThat(actual.kind()).as("kind").isEqualTo(expected.kind());
        assertThat(actual.symbolAsString()).as("symbol").isEqualTo(expected.symbolAsString());
        assertThat(actual.eventTimeMs()).as("eventTimeMs").isEqualTo(expected.eventTimeMs());
        assertThat(actual.firstUpdateId()).as("firstUpdateId").isEqualTo(expected.firstUpdateId());
        assertThat(actual.lastUpdateId()).as("lastUpdateId").isEqualTo(expected.lastUpdateId());
        assertThat(actual.previousUpdateId()).as("previousUpdateId").isEqualTo(expected.previousUpdateId());
        assertThat(actual.sequence()).as("sequence").isEqualTo(expected.sequence());
        assertThat(actual.hasChecksum()).as("hasChecksum").isEqualTo(expected.hasChecksum());
        assertThat(actual.checksum()).as("checksum").isEqualTo(expected.checksum());
        assertThat(actual.priceScale()).as("priceScale").isEqualTo(expected.priceScale());
        assertThat(actual.quantityScale()).as("quantityScale").isEqualTo(expected.quantityScale());
        assertThat(levels(actual)).as("levels").isEqualTo(levels(expected));
    }

    /** A copy with the levels regrouped by side, {@code first} side first, each side in message order. */
    public static DepthMessage grouped(final DepthMessage message, final byte first)
    {
        final DepthMessage copy = new DepthMessage(Math.max(1, message.levelCount()));
        copyHeader(message, copy);
        for (final byte side : new byte[]{ first, (byte)(1 - first) })
        {
            for (final Level level : levels(message))
            {
                if (level.side() == side)
                {
                    copy.addLevel(level.side(), level.price(), level.quantity(), level.priceDecimals(),
                        level.quantityDecimals());
                }
            }
        }
        return copy;
    }

    public static void copyHeader(final DepthMessage from, final DepthMessage to)
    {
        to.reset();
        to.kind(from.kind())
            .eventTimeMs(from.eventTimeMs())
            .firstUpdateId(from.firstUpdateId())
            .lastUpdateId(from.lastUpdateId())
            .previousUpdateId(from.previousUpdateId())
            .sequence(from.sequence())
            .scales(from.priceScale(), from.quantityScale());
        if (from.hasChecksum())
        {
            to.checksum(from.checksum());
        }
        to.symbol(from.symbolBytes(), 0, from.symbolLength());
    }

    /** Symbols of the given alphabet, 1..max long. */
    public static Arbitrary<String> symbols(final String alphabet, final int maxLength)
    {
        return Arbitraries.strings().withChars(alphabet.toCharArray()).ofMinLength(1).ofMaxLength(maxLength);
    }

    /**
     * Levels at {@link #SCALE} whose values are exact with their decimals (0..SCALE+3), over the whole
     * mantissa range (one unit up to {@link Long#MAX_VALUE}); quantity 0 (a removal) is generated often.
     * A price that rounds to zero at its decimals is left out: no decoder accepts a price of zero.
     */
    public static Arbitrary<Level> levels()
    {
        return Combinators.combine(
            Arbitraries.of(DepthMessage.BID, DepthMessage.ASK),
            mantissas(),
            Arbitraries.oneOf(Arbitraries.just(0L), mantissas()),
            Arbitraries.integers().between(0, SCALE + 3),
            Arbitraries.integers().between(0, SCALE + 3))
            .as((side, price, quantity, priceDecimals, quantityDecimals) -> new Level(
                side, exact(price, priceDecimals), exact(quantity, quantityDecimals), priceDecimals, quantityDecimals))
            .filter(level -> level.price() > 0);
    }

    /**
     * Positive mantissas of every magnitude: typical values, the digit-count boundaries ({@code 10^k - 1} and
     * {@code 10^k}), and the largest ones a {@code long} holds.
     */
    public static Arbitrary<Long> mantissas()
    {
        final List<Long> boundaries = new ArrayList<>();
        long power = 1;
        for (int digits = 1; digits <= 18; digits++)
        {
            power *= 10;
            boundaries.add(power - 1);
            boundaries.add(power);
        }
        boundaries.add(Long.MAX_VALUE);
        return Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.longs().between(1, 999_999_999_999L)),
            Tuple.of(2, Arbitraries.longs().between(1, Long.MAX_VALUE)),
            Tuple.of(1, Arbitraries.of(boundaries)));
    }

    /** A message built from generated parts. */
    public static DepthMessage message(
        final byte kind, final String symbol, final long eventTimeMs, final List<Level> levels)
    {
        final DepthMessage message = new DepthMessage(Math.max(1, levels.size()));
        final byte[] bytes = symbol.getBytes(US_ASCII);
        message.kind(kind).eventTimeMs(eventTimeMs).scales(SCALE, SCALE).symbol(bytes, 0, bytes.length);
        for (final Level level : levels)
        {
            message.addLevel(level.side(), level.price(), level.quantity(), level.priceDecimals(), level.quantityDecimals());
        }
        return message;
    }

    /** The mantissa rounded down to what {@code decimals} digits can carry at {@link #SCALE}. */
    public static long exact(final long mantissa, final int decimals)
    {
        if (decimals >= SCALE)
        {
            return mantissa;
        }
        long unit = 1;
        for (int i = decimals; i < SCALE; i++)
        {
            unit *= 10;
        }
        return mantissa / unit * unit;
    }
}
