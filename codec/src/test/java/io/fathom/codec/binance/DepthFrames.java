package io.fathom.codec.binance;

import io.fathom.codec.DepthMessage;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test helpers: frames as buffers at a non-zero offset, and field-by-field message comparison.
 */
final class DepthFrames
{
    static final int OFFSET = 7;

    static final String DOCS_EVENT =
        "{\"e\":\"depthUpdate\",\"E\":123,\"s\":\"BNBBTC\",\"U\":157,\"u\":160," +
        "\"b\":[[\"0.0024\",\"10\"]],\"a\":[[\"0.0026\",\"100\"]]}";
    static final String DOCS_SNAPSHOT =
        "{\"lastUpdateId\":1027024,\"bids\":[[\"4.00000000\",\"431.00000000\"]]," +
        "\"asks\":[[\"4.00000200\",\"12.00000000\"]]}";
    static final String REAL_FRAME =
        "{\"stream\":\"nknusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1633998512068,\"s\":\"NKNUSDT\"," +
        "\"U\":499869750,\"u\":499869752,\"b\":[[\"0.35130000\",\"6195.00000000\"]," +
        "[\"0.34750000\",\"5548.00000000\"]," +
        "[\"0.34640000\",\"6222.00000000\"]],\"a\":[]}}";
    static final String FUTURES_FRAME =
        "{\"stream\":\"sushiusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1626992741037," +
        "\"T\":1626992741024," +
        "\"s\":\"SUSHIUSDT\",\"U\":600859599090,\"u\":600859600917,\"pu\":600859598061,\"b\":[[\"7.5040\",\"813\"]," +
        "[\"7.6090\",\"0\"],[\"7.6110\",\"2\"]],\"a\":[[\"7.6150\",\"1563\"],[\"7.6220\",\"3284\"]]}}";
    static final String BOOK_TICKER =
        "{\"u\":400900217,\"s\":\"BNBUSDT\",\"b\":\"25.35190000\",\"B\":\"31.21000000\",\"a\":\"25.36520000\"," +
        "\"A\":\"40.66000000\"}";

    private DepthFrames()
    {
    }

    /** The frame's bytes placed {@link #OFFSET} bytes into a larger buffer padded with junk. */
    static UnsafeBuffer buffer(final String frame)
    {
        return buffer(frame.getBytes(UTF_8));
    }

    static UnsafeBuffer buffer(final byte[] frame)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[frame.length + OFFSET + 5]);
        buffer.setMemory(0, buffer.capacity(), (byte)']');
        buffer.putBytes(OFFSET, frame);
        return buffer;
    }

    record Level(byte side, long price, long quantity)
    {
    }

    static List<Level> levels(final DepthMessage message)
    {
        final List<Level> levels = new ArrayList<>();
        for (int i = 0; i < message.levelCount(); i++)
        {
            levels.add(new Level(message.side(i), message.price(i), message.quantity(i)));
        }
        return levels;
    }

    static void assertSameMessage(final DepthMessage actual, final DepthMessage expected)
    {
        assertThat(actual.kind()).as("kind").isEqualTo(expected.kind());
        assertThat(actual.symbolAsString()).as("symbol").isEqualTo(expected.symbolAsString());
        assertThat(actual.eventTimeMs()).as("eventTimeMs").isEqualTo(expected.eventTimeMs());
        assertThat(actual.firstUpdateId()).as("firstUpdateId").isEqualTo(expected.firstUpdateId());
        assertThat(actual.lastUpdateId()).as("lastUpdateId").isEqualTo(expected.lastUpdateId());
        assertThat(actual.previousUpdateId()).as("previousUpdateId").isEqualTo(expected.previousUpdateId());
        assertThat(actual.priceScale()).as("priceScale").isEqualTo(expected.priceScale());
        assertThat(actual.quantityScale()).as("quantityScale").isEqualTo(expected.quantityScale());
        assertThat(levels(actual)).as("levels").isEqualTo(levels(expected));
    }

    static void copy(final DepthMessage from, final DepthMessage to)
    {
        to.reset();
        to.kind(from.kind())
            .eventTimeMs(from.eventTimeMs())
            .firstUpdateId(from.firstUpdateId())
            .lastUpdateId(from.lastUpdateId())
            .previousUpdateId(from.previousUpdateId())
            .scales(from.priceScale(), from.quantityScale());
        to.symbol(from.symbolBytes(), 0, from.symbolLength());
        for (int i = 0; i < from.levelCount(); i++)
        {
            to.addLevel(from.side(i), from.price(i), from.quantity(i));
        }
    }
}
