package io.fathom.codec.binance;

import io.fathom.codec.json.JsonWriter;
import org.agrona.MutableDirectBuffer;

import java.util.List;
import java.util.Locale;

import static io.fathom.codec.json.JsonWriter.ascii;
import static io.fathom.codec.json.JsonWriter.put;
import static io.fathom.codec.json.JsonWriter.putLong;

/**
 * The messages a Binance market-stream client sends (live subscribe and unsubscribe on an open
 * connection) and the diff-depth stream names, as documented for every {@link BinanceMarket}.
 */
public final class BinanceProtocol
{
    private static final byte[] SUBSCRIBE = ascii("{\"method\":\"SUBSCRIBE\",\"params\":");
    private static final byte[] UNSUBSCRIBE = ascii("{\"method\":\"UNSUBSCRIBE\",\"params\":");
    private static final byte[] ID = ascii(",\"id\":");

    private BinanceProtocol()
    {
    }

    /**
     * The diff depth stream of a symbol, lowercase as Binance requires: {@code btcusd_perp@depth@100ms}.
     *
     * @param updateSpeedMs 100, 250 (futures) or 500, or 1000 (spot); the default speed omits the suffix.
     */
    public static String depthStream(final String symbol, final int updateSpeedMs)
    {
        final String stream = symbol.toLowerCase(Locale.ROOT) + "@depth";
        return 0 == updateSpeedMs ? stream : stream + "@" + updateSpeedMs + "ms";
    }

    /**
     * Writes {@code {"method":"SUBSCRIBE","params":["btcusdt@depth@100ms",...],"id":N}}.
     *
     * @return the number of bytes written.
     * @throws IllegalArgumentException for a stream name that is not plain ASCII.
     */
    public static int encodeSubscribe(
        final MutableDirectBuffer buffer, final int offset, final List<String> streams, final long id)
    {
        return encode(buffer, offset, SUBSCRIBE, streams, id);
    }

    /** Writes the matching {@code UNSUBSCRIBE}; see {@link #encodeSubscribe}. */
    public static int encodeUnsubscribe(
        final MutableDirectBuffer buffer, final int offset, final List<String> streams, final long id)
    {
        return encode(buffer, offset, UNSUBSCRIBE, streams, id);
    }

    private static int encode(
        final MutableDirectBuffer buffer, final int offset, final byte[] method, final List<String> streams, final long id)
    {
        if (streams.size() > BinanceMarket.MAX_STREAMS_PER_CONNECTION)
        {
            throw new IllegalArgumentException("more than " + BinanceMarket.MAX_STREAMS_PER_CONNECTION + " streams");
        }
        int index = put(buffer, offset, method);
        index = JsonWriter.putQuotedList(buffer, index, streams);
        index = put(buffer, index, ID);
        index = putLong(buffer, index, id);
        return JsonWriter.putByte(buffer, index, '}') - offset;
    }
}
