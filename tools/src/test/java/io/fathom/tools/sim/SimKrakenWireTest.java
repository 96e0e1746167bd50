package io.fathom.tools.sim;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.checksum.ChecksumBook;
import io.fathom.codec.checksum.KrakenChecksum;
import io.fathom.codec.kraken.KrakenBookDecoder;
import io.fathom.codec.kraken.KrakenProtocol;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Kraken WebSocket v2 {@code book} at depth 10: numbers, checksums over the truncated book. */
class SimKrakenWireTest extends SimVenueContractTest
{
    private static final int DEPTH = 10;

    private final KrakenBookDecoder decoder = new KrakenBookDecoder(SimBook.SCALE, SimBook.SCALE);
    private long reqId = 1;

    Venue venue()
    {
        return Venue.KRAKEN;
    }

    List<String> subscribeFrames(final List<String> names)
    {
        final long id = reqId++;
        return List.of(text((buffer) -> KrakenProtocol.encodeV2Subscribe(buffer, 0, names, DEPTH, id)));
    }

    List<String> unsubscribeFrames(final String name)
    {
        final long id = reqId++;
        return List.of(text((buffer) -> KrakenProtocol.encodeV2Unsubscribe(buffer, 0, List.of(name), DEPTH, id)));
    }

    DecodeResult decode(final UnsafeBuffer buffer, final int length, final DepthMessage out)
    {
        return decoder.decode(buffer, 0, length, out);
    }

    boolean isUnsubscribeAck(final String text, final String name)
    {
        return text.contains("\"method\":\"unsubscribe\"") && text.contains("\"success\":true") &&
            text.contains("\"" + name + "\"");
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
        return new SimReferenceBook(DEPTH, simulator.pricePrecision(), simulator.quantityPrecision());
    }

    long checksum(final ChecksumBook book)
    {
        return KrakenChecksum.compute(book);
    }

    @Test
    void acknowledgesEachSymbolWithItsDepthAndSendsNumbersAtThePrecision() throws Exception
    {
        start();
        subscribe(simulator.symbol(1));
        final String ack = awaitText((text) -> text.contains("\"method\":\"subscribe\""));
        assertThat(ack).startsWith("{\"method\":\"subscribe\",\"req_id\":1,\"result\":{\"channel\":\"book\"," +
            "\"depth\":10,\"snapshot\":true,\"symbol\":\"SYM1/USD\"},\"success\":true,\"time_in\":\"");
        final String snapshot = client.next();
        assertThat(snapshot).startsWith("{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"SYM1/USD\"")
            .containsPattern("\\{\"price\":[0-9]+\\.[0-9]{2},\"qty\":[0-9]+\\.[0-9]{8}\\}")
            .contains("\"checksum\":");
        assertThat(snapshot.split("\"price\"")).hasSize(2 * DEPTH + 1);
    }
}
