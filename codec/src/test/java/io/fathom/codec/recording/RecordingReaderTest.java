package io.fathom.codec.recording;

import io.fathom.codec.RealData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingReaderTest
{
    @Test
    void readsEachRecordType() throws IOException
    {
        final String recording =
            "wss://stream.binance.com:9443/stream?streams=a@depth <-> 1633998511.159679\n" +
            "wss://stream.binance.com:9443/stream?streams=a@depth <- 1633998511.2: " +
            "{\"method\":\"SUBSCRIBE\",\"id\":1}\n" +
            "\n" +
            "1633998512.0633569: {\"result\":null,\"id\":1}\n" +
            "   \n" +
            "https://api.binance.com/api/v3/depth?symbol=A&limit=1000 -> 1633998512: {\"lastUpdateId\":1}\n";

        try (RecordingReader reader = reader(recording))
        {
            assertThat(reader.next()).isTrue();
            assertThat(reader.type()).isEqualTo(RecordType.OPEN);
            assertThat(reader.url()).isEqualTo("wss://stream.binance.com:9443/stream?streams=a@depth");
            assertThat(reader.timestampNs()).isEqualTo(1633998511_159679000L);
            assertThat(reader.payloadLength()).isZero();
            assertThat(reader.lineNumber()).isEqualTo(1);

            assertThat(reader.next()).isTrue();
            assertThat(reader.type()).isEqualTo(RecordType.SENT);
            assertThat(reader.url()).isEqualTo("wss://stream.binance.com:9443/stream?streams=a@depth");
            assertThat(reader.timestampNs()).isEqualTo(1633998511_200000000L);
            assertThat(reader.payloadAsString()).isEqualTo("{\"method\":\"SUBSCRIBE\",\"id\":1}");

            assertThat(reader.next()).isTrue();
            assertThat(reader.type()).isEqualTo(RecordType.RECEIVED);
            assertThat(reader.url()).isNull();
            assertThat(reader.timestampNs()).isEqualTo(1633998512_063356900L);
            assertThat(reader.payloadAsString()).isEqualTo("{\"result\":null,\"id\":1}");
            assertThat(reader.lineNumber()).isEqualTo(4);

            assertThat(reader.next()).isTrue();
            assertThat(reader.type()).isEqualTo(RecordType.HTTP);
            assertThat(reader.url()).isEqualTo("https://api.binance.com/api/v3/depth?symbol=A&limit=1000");
            assertThat(reader.timestampNs()).isEqualTo(1633998512_000000000L);
            assertThat(reader.payloadAsString()).isEqualTo("{\"lastUpdateId\":1}");

            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void splitsOnFirstSeparatorAndKeepsPayloadBytes() throws IOException
    {
        final String payload = "{\"msg\":\"a: b\",\"name\":\"caf\u00e9 \u20ac\"}";

        try (RecordingReader reader = reader("1.5: " + payload + "\n"))
        {
            assertThat(reader.next()).isTrue();
            final byte[] bytes = new byte[reader.payloadLength()];
            reader.payload().getBytes(reader.payloadOffset(), bytes);

            assertThat(bytes).isEqualTo(payload.getBytes(UTF_8));
            assertThat(reader.payloadAsString()).isEqualTo(payload);
            assertThat(reader.timestampNs()).isEqualTo(1_500_000_000L);
        }
    }

    @Test
    void rejectsMalformedLinesNamingTheLine()
    {
        assertMalformed("{\"no\":\"timestamp\"}\n", "line 1");
        assertMalformed("\n\nurl <=> 1.0: x\n", "line 3");
        assertMalformed("url <-> 1.0: payload\n", "OPEN");
        assertMalformed("url <- 1.0\n", "payload");
        assertMalformed("abc: x\n", "timestamp");
        assertMalformed("1.0000000001: x\n", "timestamp");
    }

    @Test
    void readsRealRecordings() throws IOException
    {
        final List<RecordType> types = new ArrayList<>();
        try (RecordingReader reader = RecordingReader.open(RealData.file("binance_spot_depth100ms_4sym.ws.txt")))
        {
            while (reader.next())
            {
                types.add(reader.type());
                assertThat(reader.timestampNs()).isBetween(1_600_000_000_000_000_000L, 1_700_000_000_000_000_000L);
            }
        }
        assertThat(types).hasSize(266);
        assertThat(types.get(0)).isEqualTo(RecordType.OPEN);
        assertThat(types.subList(1, types.size())).containsOnly(RecordType.RECEIVED);

        final List<String> urls = new ArrayList<>();
        try (RecordingReader reader = RecordingReader.open(RealData.file("binance_spot_depth_snapshots.http.txt")))
        {
            while (reader.next())
            {
                assertThat(reader.type()).isEqualTo(RecordType.HTTP);
                assertThat(reader.payloadAsString()).startsWith("{\"lastUpdateId\":");
                urls.add(reader.url());
            }
        }
        assertThat(urls).containsExactly(
            "https://api.binance.com/api/v3/depth?symbol=NKNUSDT&limit=1000",
            "https://api.binance.com/api/v3/depth?symbol=BLZETH&limit=1000",
            "https://api.binance.com/api/v3/depth?symbol=LRCBTC&limit=1000",
            "https://api.binance.com/api/v3/depth?symbol=RUNEEUR&limit=1000");
    }

    private static void assertMalformed(final String recording, final String messagePart)
    {
        assertThatThrownBy(() ->
        {
            try (RecordingReader reader = reader(recording))
            {
                while (reader.next())
                {
                    assertThat(reader.type()).isNotNull();
                }
            }
        }).isInstanceOf(IOException.class).hasMessageContaining(messagePart);
    }

    private static RecordingReader reader(final String text)
    {
        return new RecordingReader(new ByteArrayInputStream(text.getBytes(UTF_8)));
    }
}
