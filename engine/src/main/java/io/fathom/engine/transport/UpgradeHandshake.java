package io.fathom.engine.transport;

import org.agrona.DirectBuffer;

import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP/1.1 upgrade of RFC 6455 section 4: the request with a fresh {@code Sec-WebSocket-Key}, and the
 * check of the response (status 101, {@code Upgrade: websocket}, {@code Connection: Upgrade} and the
 * {@code Sec-WebSocket-Accept} the key calls for). Once per connection, so it may allocate.
 */
final class UpgradeHandshake
{
    /** A response head longer than this is refused rather than buffered without end. */
    static final int MAX_RESPONSE_BYTES = 16 * 1024;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final String key;

    UpgradeHandshake()
    {
        this(newKey());
    }

    /** With a given key, as RFC 6455's example has one. */
    UpgradeHandshake(final String key)
    {
        this.key = key;
    }

    private static String newKey()
    {
        final byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    byte[] request(final URI uri)
    {
        final String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()) +
            (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        final int port = uri.getPort();
        final String host = uri.getHost() + (port == -1 ? "" : ":" + port);
        return ("GET " + path + " HTTP/1.1\r\n" +
            "Host: " + host + "\r\n" +
            "Upgrade: websocket\r\n" +
            "Connection: Upgrade\r\n" +
            "Sec-WebSocket-Key: " + key + "\r\n" +
            "Sec-WebSocket-Version: 13\r\n" +
            "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads the response head from the start of what was received.
     *
     * @return the length of the head, frames following it; 0 while it is incomplete.
     * @throws ProtocolException when the server refused or answered something that is not this upgrade.
     */
    int parse(final DirectBuffer buffer, final int offset, final int length) throws ProtocolException
    {
        final int end = headEnd(buffer, offset, length);
        if (end < 0)
        {
            if (length >= MAX_RESPONSE_BYTES)
            {
                throw new ProtocolException("upgrade response head over " + MAX_RESPONSE_BYTES + " bytes");
            }
            return 0;
        }
        final String[] lines = buffer.getStringWithoutLengthAscii(offset, end - offset).split("\r\n");
        final String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.") || !"101".equals(status[1]))
        {
            throw new ProtocolException("upgrade refused: " + lines[0]);
        }
        boolean upgrade = false;
        boolean connection = false;
        String accept = null;
        for (int i = 1; i < lines.length; i++)
        {
            final int colon = lines[i].indexOf(':');
            if (colon <= 0)
            {
                continue;
            }
            final String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            final String value = lines[i].substring(colon + 1).trim();
            switch (name)
            {
                case "upgrade" -> upgrade = "websocket".equalsIgnoreCase(value);
                case "connection" -> connection = hasToken(value, "upgrade");
                case "sec-websocket-accept" -> accept = value;
                default ->
                {
                }
            }
        }
        if (!upgrade || !connection)
        {
            throw new ProtocolException("upgrade response without Upgrade: websocket and Connection: Upgrade");
        }
        if (!expectedAccept().equals(accept))
        {
            throw new ProtocolException("Sec-WebSocket-Accept '" + accept + "' does not match the key sent");
        }
        return end + 4 - offset;
    }

    String expectedAccept()
    {
        try
        {
            final byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-1, which every JDK has, is missing", ex);
        }
    }

    private static boolean hasToken(final String value, final String token)
    {
        for (final String part : value.split(","))
        {
            if (part.trim().equalsIgnoreCase(token))
            {
                return true;
            }
        }
        return false;
    }

    /** The index of the blank line's CR LF CR LF, or -1. */
    private static int headEnd(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = offset, last = offset + length - 4; i <= last; i++)
        {
            if (buffer.getByte(i) == '\r' && buffer.getByte(i + 1) == '\n' && buffer.getByte(i + 2) == '\r' &&
                buffer.getByte(i + 3) == '\n')
            {
                return i;
            }
        }
        return -1;
    }
}
