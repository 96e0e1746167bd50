package io.fathom.tools.sim;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.checksum.ChecksumBook;
import io.fathom.codec.checksum.OkxChecksum;
import io.fathom.codec.okx.OkxBooksDecoder;
import io.fathom.codec.okx.OkxProtocol;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** OKX v5 {@code books}: the per-instrument {@code seqId}/{@code prevSeqId} chain and the signed checksum. */
class SimOkxWireTest extends SimVenueContractTest
{
    private final OkxBooksDecoder decoder = new OkxBooksDecoder(SimBook.SCALE, SimBook.SCALE);
    private final Map<String, Long> seqIds = new HashMap<>();

    Venue venue()
    {
        return Venue.OKX;
    }

    List<String> subscribeFrames(final List<String> names)
    {
        return List.of(text((buffer) -> OkxProtocol.encodeSubscribe(buffer, 0, OkxProtocol.BOOKS_CHANNEL, names)));
    }

    List<String> unsubscribeFrames(final String name)
    {
        return List.of(text((buffer) -> OkxProtocol.encodeUnsubscribe(
            buffer, 0, OkxProtocol.BOOKS_CHANNEL, List.of(name))));
    }

    DecodeResult decode(final UnsafeBuffer buffer, final int length, final DepthMessage out)
    {
        return decoder.decode(buffer, 0, length, out);
    }

    boolean isUnsubscribeAck(final String text, final String name)
    {
        return text.startsWith("{\"event\":\"unsubscribe\"") && text.contains("\"instId\":\"" + name + "\"");
    }

    String unknownInstrumentError()
    {
        return "\"code\":\"60018\"";
    }

    String unknownInstrument()
    {
        return "NOPE-USDT";
    }

    long checksum(final ChecksumBook book)
    {
        return OkxChecksum.compute(book);
    }

    boolean hasSequence()
    {
        return true;
    }

    void checkSequence(final String symbol, final DepthMessage depth)
    {
        assertThat(depth.lastUpdateId()).isNotEqualTo(DepthMessage.NO_ID);
        if (depth.kind() == DepthMessage.KIND_SNAPSHOT)
        {
            assertThat(depth.previousUpdateId()).as("a snapshot's prevSeqId (-1)").isEqualTo(DepthMessage.NO_ID);
        }
        else if (depth.previousUpdateId() != seqIds.get(symbol))
        {
            sequenceBreaks++;
        }
        seqIds.put(symbol, depth.lastUpdateId());
    }

    @Test
    void aResubscribedSnapshotContinuesTheSeqIdChain() throws Exception
    {
        start();
        subscribe(simulator.symbol(0));
        assertThat(client.next()).startsWith("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"books\"," +
            "\"instId\":\"SYM0-USDT\"},\"connId\":\"");
        awaitUpdates(30, simulator.symbol(0));
        simulator.pause();
        unsubscribe(simulator.symbol(0));
        final long lastSeqId = seqIds.get(simulator.symbol(0));
        books.remove(simulator.symbol(0));
        subscribe(simulator.symbol(0));
        assertThat(awaitSnapshot(simulator.symbol(0)).lastUpdateId()).isEqualTo(lastSeqId);
        simulator.resume();
        awaitUpdates(30, simulator.symbol(0));
        assertThat(sequenceBreaks).isZero();
    }

    @Test
    void answersPingWithPong() throws Exception
    {
        start();
        client.send(OkxProtocol.PING);
        assertThat(client.next()).isEqualTo("pong");
    }
}
