package io.fathom.tools.sim;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.checksum.ChecksumBook;
import io.fathom.codec.checksum.KrakenChecksum;
import io.fathom.codec.kraken.KrakenProtocol;
import io.fathom.codec.kraken.KrakenV1BookDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Kraken WebSocket v1 {@code book} at depth 25: channel ids, fixed-decimal strings, {@code "c"} on updates. */
class SimKrakenV1WireTest extends SimVenueContractTest
{
    private static final int DEPTH = 25;
    private static final Pattern SUBSCRIBED =
        Pattern.compile("\\{\"channelID\":([0-9]+),\"channelName\":\"book-25\",\"event\":\"subscriptionStatus\"," +
            "\"pair\":\"([^\"]+)\",\"status\":\"subscribed\",\"subscription\":\\{\"depth\":25,\"name\":\"book\"}}");

    private final KrakenV1BookDecoder decoder = new KrakenV1BookDecoder(SimBook.SCALE, SimBook.SCALE);
    private final Map<String, Long> channelIds = new HashMap<>();
    private int channelMismatches;

    Venue venue()
    {
        return Venue.KRAKEN_V1;
    }

    List<String> subscribeFrames(final List<String> names)
    {
        return List.of(text((buffer) -> KrakenProtocol.encodeV1Subscribe(buffer, 0, names, DEPTH)));
    }

    List<String> unsubscribeFrames(final String name)
    {
        return List.of(text((buffer) -> KrakenProtocol.encodeV1Unsubscribe(buffer, 0, List.of(name), DEPTH)));
    }

    DecodeResult decode(final UnsafeBuffer buffer, final int length, final DepthMessage out)
    {
        final String text = buffer.getStringWithoutLengthAscii(0, length);
        final Matcher subscribed = SUBSCRIBED.matcher(text);
        if (subscribed.matches())
        {
            channelIds.put(subscribed.group(2), Long.parseLong(subscribed.group(1)));
        }
        final DecodeResult result = decoder.decode(buffer, 0, length, out);
        if (result == DecodeResult.DEPTH && decoder.channelId() != channelIds.getOrDefault(out.symbolAsString(), -1L))
        {
            channelMismatches++;
        }
        return result;
    }

    boolean isUnsubscribeAck(final String text, final String name)
    {
        return text.contains("\"status\":\"unsubscribed\"") && text.contains("\"pair\":\"" + name + "\"");
    }

    String unknownInstrumentError()
    {
        return "Currency pair not supported";
    }

    String unknownInstrument()
    {
        return "NOPE/USD";
    }

    SimReferenceBook newBook()
    {
        return new SimReferenceBook(DEPTH, -1, -1);
    }

    long checksum(final ChecksumBook book)
    {
        return KrakenChecksum.compute(book);
    }

    @Test
    void everyFrameCarriesTheChannelIdOfItsSubscriptionAndAResubscriptionGetsANewOne() throws Exception
    {
        start();
        assertThat(client.next()).startsWith("{\"connectionID\":").contains("\"event\":\"systemStatus\"");
        subscribe(simulator.symbol(0), simulator.symbol(1));
        awaitUpdates(50, simulator.symbol(0), simulator.symbol(1));
        final long first = channelIds.get(simulator.symbol(0));
        assertThat(channelIds.get(simulator.symbol(1))).isNotEqualTo(first);

        unsubscribe(simulator.symbol(0));
        books.remove(simulator.symbol(0));
        subscribe(simulator.symbol(0));
        awaitSnapshot(simulator.symbol(0));
        awaitUpdates(50, simulator.symbol(0));
        assertThat(channelIds.get(simulator.symbol(0))).isNotEqualTo(first);
        assertThat(channelMismatches).as("frames with another subscription's channel id").isZero();
        assertThat(checksumMismatches).isZero();
    }

    @Test
    void writesStringsWithFixedDecimalsAndLevelTimestamps() throws Exception
    {
        start();
        subscribe(simulator.symbol(2));
        final String snapshot = client.nextMatching((text) -> text.startsWith("["));
        assertThat(snapshot).matches("\\[[0-9]+,\\{\"as\":\\[\\[\"[0-9]+\\.[0-9]{5}\",\"[0-9]+\\.[0-9]{8}\"," +
            "\"[0-9]{10}\\.[0-9]{6}\"].*]},\"book-25\",\"SYM2/USD\"]").doesNotContain("\"c\"");
        assertThat(client.nextMatching((text) -> text.startsWith("["))).contains("\"c\":\"");
    }
}
