package io.fathom.codec.kraken;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Messages;
import io.fathom.codec.Messages.Level;
import io.fathom.codec.RealData;
import io.fathom.codec.checksum.ChecksumBook;
import io.fathom.codec.checksum.KrakenChecksum;
import io.fathom.codec.checksum.ReferenceBook;
import io.fathom.codec.recording.RecordType;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kraken WebSocket v2 {@code book}: the documented snapshot (https://docs.kraken.com/api/docs/websocket-v2/book;
 * its levels abridged to the first few, so the {@code checksum} values here only exercise decoding and are not
 * claimed to match those levels), the v1 recording carried over to the v2 wire format with its real checksums,
 * encode/decode identity and hostile input.
 */
class KrakenBookCodecTest
{
    static final String DOCS_SNAPSHOT =
        "{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"MATIC/USD\",\"bids\":[" +
        "{\"price\":0.5666,\"qty\":4831.75496356},{\"price\":0.5665,\"qty\":6658.22734739},{\"price\":0.566," +
        "\"qty\":18097.1547}],\"asks\":[{\"price\":0.5668,\"qty\":4410.79769741},{\"price\":0.567,\"qty\":" +
        "49844.89424998}],\"checksum\":2439117997}]}";

    private final KrakenBookDecoder decoder = new KrakenBookDecoder(8, 8);
    private final KrakenBookEncoder encoder = new KrakenBookEncoder();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 16);
    private final DepthMessage message = new DepthMessage(4096);

    @Test
    void decodesTheDocumentedSnapshot()
    {
        assertThat(decode(DOCS_SNAPSHOT)).isEqualTo(DecodeResult.DEPTH);

        assertThat(message.kind()).isEqualTo(DepthMessage.KIND_SNAPSHOT);
        assertThat(message.symbolAsString()).isEqualTo("MATIC/USD");
        assertThat(message.checksum()).isEqualTo(2_439_117_997L);
        assertThat(message.levelCount()).isEqualTo(5);
        assertThat(message.side(0)).isEqualTo(DepthMessage.BID);
        assertThat(message.price(2)).isEqualTo(56_600_000L);
        assertThat(message.priceDecimals(2)).isEqualTo(3);
        assertThat(message.quantity(2)).isEqualTo(1_809_715_470_000L);
        assertThat(message.side(4)).isEqualTo(DepthMessage.ASK);
        assertThat(message.eventTimeMs()).isZero();

        final String update = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\",\"bids\":" +
            "[{\"price\":0.5657,\"qty\":1098.3947558}],\"asks\":[],\"checksum\":2114181697," +
            "\"timestamp\":\"2023-10-06T17:35:55.440295Z\"}]}";
        assertThat(decode(update)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.kind()).isEqualTo(DepthMessage.KIND_DELTA);
        assertThat(message.eventTimeMs()).isEqualTo(1_696_613_755_440L);
    }

    @Test
    void verifiesTheRecordedChecksumsCarriedOverToV2WithInstrumentPrecision()
    {
        final KrakenV1BookDecoder v1 = new KrakenV1BookDecoder(8, 8);
        final DepthMessage v1Message = new DepthMessage(4096);
        final Map<String, ReferenceBook> books = new HashMap<>();
        final Map<String, int[]> precision = new HashMap<>();
        int verified = 0;
        for (final RealData.Frame frame : RealData.frames(KrakenV1RealDataTest.FILE, RecordType.RECEIVED))
        {
            if (v1.decode(new UnsafeBuffer(frame.payload()), 0, frame.payload().length, v1Message) != DecodeResult.DEPTH)
            {
                continue;
            }
            final int[] pairPrecision = precision.computeIfAbsent(v1Message.symbolAsString(), s -> new int[2]);
            for (int i = 0; i < v1Message.levelCount(); i++)
            {
                pairPrecision[0] = Math.max(pairPrecision[0], v1Message.priceDecimals(i));
                pairPrecision[1] = Math.max(pairPrecision[1], v1Message.quantityDecimals(i));
            }
            final int length = encoder.encode(buffer, 0, withoutTrailingZeros(v1Message));
            assertThat(buffer.getStringWithoutLengthAscii(0, length)).doesNotContainPattern("\\.[0-9]*0[,}]");
            assertThat(decoder.decode(buffer, 0, length, message)).isEqualTo(DecodeResult.DEPTH);

            final ReferenceBook book = books.computeIfAbsent(message.symbolAsString(), s -> new ReferenceBook());
            book.apply(message).truncate(v1.bookDepth());
            if (message.hasChecksum())
            {
                assertThat(KrakenChecksum.compute(atPrecision(book, pairPrecision)))
                    .as("line %d", frame.lineNumber()).isEqualTo(message.checksum());
                verified++;
            }
        }
        assertThat(verified).isEqualTo(4_269);
    }

    @Property(tries = 1000)
    void decodeOfEncodedBookIsIdentity(
        @ForAll("symbols") final String symbol,
        @ForAll final boolean snapshot,
        @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) final long eventTimeMs,
        @ForAll("levels") final List<Level> levels,
        @ForAll @LongRange(min = -1, max = 0xFFFF_FFFFL) final long checksum)
    {
        final DepthMessage generated = Messages.message(
            snapshot ? DepthMessage.KIND_SNAPSHOT : DepthMessage.KIND_DELTA, symbol, eventTimeMs, levels);
        if (checksum >= 0)
        {
            generated.checksum(checksum);
        }

        final int length = encoder.encode(buffer, 1, generated);

        assertThat(length).isLessThanOrEqualTo(KrakenBookEncoder.maxEncodedLength(symbol.length(), levels.size()));
        assertThat(decoder.decode(buffer, 1, length, message)).isEqualTo(DecodeResult.DEPTH);
        Messages.assertSameMessage(message, Messages.grouped(generated, DepthMessage.BID));
    }

    @Test
    void rejectsEveryTruncatedPrefix()
    {
        for (final String frame : List.of(DOCS_SNAPSHOT, "{\"channel\":\"heartbeat\"}"))
        {
            final UnsafeBuffer bytes = new UnsafeBuffer((frame + "}]}").getBytes(UTF_8));
            for (int length = 0; length < frame.length(); length++)
            {
                assertThat(decoder.decode(bytes, 0, length, message).isError()).as("prefix %d", length).isTrue();
                assertThat(decoder.errorOffset()).isBetween(0, length);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"price\":0.5666,|{\"price\":\"0.5666\",|UNEXPECTED_TYPE",
        "{\"price\":0.5666,|{\"price\":5.666e-1,|INVALID_NUMBER",
        "{\"price\":0.5666,|{\"price\":-0.5666,|INVALID_NUMBER",
        "{\"price\":0.5666,|{|MISSING_FIELD",
        "\"checksum\":2439117997|\"checksum\":4294967296|INVALID_NUMBER",
        "\"checksum\":2439117997|\"checksum\":\"2439117997\"|UNEXPECTED_TYPE",
        "\"type\":\"snapshot\"|\"type\":\"partial\"|UNEXPECTED_TYPE",
        "\"type\":\"snapshot\",|''|MISSING_FIELD",
        "\"symbol\":\"MATIC/USD\",|''|MISSING_FIELD",
        "\"data\":[{|\"data\":[{}],\"x\":[{|MISSING_FIELD",
        "}]}|},{}]}|UNEXPECTED_TYPE",
        "\"bids\":[|\"bids\":{},\"x\":[|UNEXPECTED_TYPE",
        "\"checksum\":2439117997|\"checksum\":1,\"timestamp\":\"yesterday\"|INVALID_NUMBER" })
    void rejectsWrongTypesAndValues(final String original, final String replacement, final DecodeResult expected)
    {
        final String frame = DOCS_SNAPSHOT.replace(original, replacement);
        assertThat(frame).isNotEqualTo(DOCS_SNAPSHOT);

        assertThat(decode(frame)).as(frame).isEqualTo(expected);
        assertThat(message.levelCount()).isZero();
    }

    @Test
    void ignoresOtherMessagesAndWritesSubscriptions()
    {
        for (final String frame : List.of("{\"channel\":\"heartbeat\"}",
            "{\"method\":\"pong\",\"req_id\":7,\"time_in\":\"2023-09-24T14:10:23.799685Z\"}",
            "{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"system\":\"online\"}]}"))
        {
            assertThat(decode(frame)).as(frame).isEqualTo(DecodeResult.IGNORED);
        }
        int length = KrakenProtocol.encodeV2Subscribe(buffer, 0, List.of("ALGO/USD", "MATIC/USD"), 10, 1);
        assertThat(buffer.getStringWithoutLengthAscii(0, length)).isEqualTo("{\"method\":\"subscribe\",\"params\":" +
            "{\"channel\":\"book\",\"symbol\":[\"ALGO/USD\",\"MATIC/USD\"],\"depth\":10},\"req_id\":1}");
        length = KrakenProtocol.encodeV2Unsubscribe(buffer, 0, List.of("ALGO/USD"), 1000, 2);
        assertThat(buffer.getStringWithoutLengthAscii(0, length)).isEqualTo("{\"method\":\"unsubscribe\",\"params\":" +
            "{\"channel\":\"book\",\"symbol\":[\"ALGO/USD\"],\"depth\":1000},\"req_id\":2}");
        length = KrakenProtocol.encodeV2Ping(buffer, 0, 3);
        assertThat(buffer.getStringWithoutLengthAscii(0, length)).isEqualTo("{\"method\":\"ping\",\"req_id\":3}");
    }

    @Provide
    Arbitrary<String> symbols()
    {
        return Messages.symbols("ABCDEFGHIJKLMNOPQRSTUVWXYZ/", 16);
    }

    @Provide
    Arbitrary<List<Level>> levels()
    {
        return Messages.levels().list().ofMaxSize(60);
    }

    /** The message as Kraken v2 would send it: numbers with their trailing zeros dropped. */
    private static DepthMessage withoutTrailingZeros(final DepthMessage v1)
    {
        final DepthMessage v2 = new DepthMessage(Math.max(1, v1.levelCount()));
        Messages.copyHeader(v1, v2);
        for (int i = 0; i < v1.levelCount(); i++)
        {
            v2.addLevel(v1.side(i), v1.price(i), v1.quantity(i), minimalDecimals(v1.price(i), v1.priceScale()),
                minimalDecimals(v1.quantity(i), v1.quantityScale()));
        }
        return v2;
    }

    private static int minimalDecimals(final long mantissa, final int scale)
    {
        int decimals = scale;
        long value = mantissa;
        while (decimals > 0 && value % 10 == 0)
        {
            value /= 10;
            decimals--;
        }
        return decimals;
    }

    /** The book as the engine will show it to the checksum for v2: every level at the instrument's precision. */
    private static ChecksumBook atPrecision(final ReferenceBook book, final int[] precision)
    {
        return new ChecksumBook()
        {
            public int priceScale()
            {
                return book.priceScale();
            }

            public int quantityScale()
            {
                return book.quantityScale();
            }

            public int levelCount(final byte side)
            {
                return book.levelCount(side);
            }

            public long price(final byte side, final int level)
            {
                return book.price(side, level);
            }

            public long quantity(final byte side, final int level)
            {
                return book.quantity(side, level);
            }

            public int priceDecimals(final byte side, final int level)
            {
                return precision[0];
            }

            public int quantityDecimals(final byte side, final int level)
            {
                return precision[1];
            }
        };
    }

    private DecodeResult decode(final String frame)
    {
        final byte[] bytes = frame.getBytes(UTF_8);
        return decoder.decode(new UnsafeBuffer(bytes), 0, bytes.length, message);
    }
}
