package io.fathom.engine.transport;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The opening handshake of RFC 6455 section 4, with the RFC's own key and accept value. */
class UpgradeHandshakeTest
{
    private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    private final UpgradeHandshake handshake = new UpgradeHandshake(RFC_KEY);

    @Test
    void theRequestAsksForAnUpgradeOfThePathAndQueryWithTheKey()
    {
        final String request = new String(handshake.request(URI.create("ws://127.0.0.1:9000/stream?streams=a/b")),
            StandardCharsets.US_ASCII);

        assertThat(request).startsWith("GET /stream?streams=a/b HTTP/1.1\r\nHost: 127.0.0.1:9000\r\n")
            .contains("Upgrade: websocket\r\n", "Connection: Upgrade\r\n", "Sec-WebSocket-Key: " + RFC_KEY + "\r\n",
                "Sec-WebSocket-Version: 13\r\n")
            .endsWith("\r\n\r\n");
    }

    @Test
    void theRightAcceptOpensAndFramesAfterTheHeadAreLeftForTheReceiver() throws ProtocolException
    {
        final String head = response("101 Switching Protocols", "websocket", "Upgrade", RFC_ACCEPT);
        final byte[] bytes = (head + "\u0081\u0002hi").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(handshake.expectedAccept()).isEqualTo(RFC_ACCEPT);
        assertThat(handshake.parse(new UnsafeBuffer(bytes), 0, bytes.length)).isEqualTo(head.length());
    }

    @Test
    void anIncompleteHeadWaitsForMore() throws ProtocolException
    {
        final byte[] bytes = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(handshake.parse(new UnsafeBuffer(bytes), 0, bytes.length)).isZero();
    }

    @Test
    void aWrongAcceptARefusalOrAMissingUpgradeIsAProtocolError()
    {
        assertRefused(response("101 Switching Protocols", "websocket", "Upgrade", "AAAAAAAAAAAAAAAAAAAAAAAAAAA="),
            "Sec-WebSocket-Accept 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' does not match the key sent");
        assertRefused(response("403 Forbidden", "websocket", "Upgrade", RFC_ACCEPT), "upgrade refused: HTTP/1.1 403 Forbidden");
        assertRefused(response("101 Switching Protocols", "h2c", "Upgrade", RFC_ACCEPT), "without Upgrade: websocket");
        assertRefused(response("101 Switching Protocols", "websocket", "keep-alive", RFC_ACCEPT), "Connection: Upgrade");
    }

    private void assertRefused(final String head, final String message)
    {
        final byte[] bytes = head.getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> handshake.parse(new UnsafeBuffer(bytes), 0, bytes.length))
            .isInstanceOf(ProtocolException.class).hasMessageContaining(message);
    }

    private static String response(final String status, final String upgrade, final String connection, final String accept)
    {
        return "HTTP/1.1 " + status + "\r\nUpgrade: " + upgrade + "\r\nConnection: " + connection +
            "\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n";
    }
}
