package io.fathom.engine.transport;

import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A connection's outgoing bytes: the upgrade request, then RFC 6455 client frames, each masked with a fresh
 * key. Frames wait here until the socket takes them; the buffer grows for a large message and is kept. Only
 * control messages and subscriptions are sent, so the path is not a hot one. One thread: the I/O agent's.
 */
final class FrameSender
{
    static final int OP_CONTINUATION = 0x0;
    static final int OP_TEXT = 0x1;
    static final int OP_BINARY = 0x2;
    static final int OP_CLOSE = 0x8;
    static final int OP_PING = 0x9;
    static final int OP_PONG = 0xA;
    /** A control frame's payload is at most 125 bytes (RFC 6455 5.5). */
    static final int MAX_CONTROL_PAYLOAD = 125;

    private static final int INITIAL_CAPACITY = 4096;
    private static final int MAX_HEADER = 14;

    /** Filled from position 0 to its position; written out from there. */
    private ByteBuffer buffer = ByteBuffer.allocateDirect(INITIAL_CAPACITY);

    boolean hasPending()
    {
        return buffer.position() > 0;
    }

    void raw(final byte[] bytes)
    {
        ensure(bytes.length);
        buffer.put(bytes);
    }

    void text(final String text)
    {
        final byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        frame(OP_TEXT, payload, 0, payload.length);
    }

    void frame(final int opcode, final byte[] payload, final int offset, final int length)
    {
        final int mask = header(opcode, length);
        for (int i = 0; i < length; i++)
        {
            buffer.put((byte)(payload[offset + i] ^ (mask >>> (24 - 8 * (i & 3)))));
        }
    }

    void frame(final int opcode, final DirectBuffer payload, final int offset, final int length)
    {
        final int mask = header(opcode, length);
        for (int i = 0; i < length; i++)
        {
            buffer.put((byte)(payload.getByte(offset + i) ^ (mask >>> (24 - 8 * (i & 3)))));
        }
    }

    /** A close frame with a status code and a reason cut to fit a control frame. */
    void close(final int code, final String reason)
    {
        final byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        final int reasonLength = Math.min(text.length, MAX_CONTROL_PAYLOAD - 2);
        final byte[] payload = new byte[2 + reasonLength];
        payload[0] = (byte)(code >>> 8);
        payload[1] = (byte)code;
        System.arraycopy(text, 0, payload, 2, reasonLength);
        frame(OP_CLOSE, payload, 0, payload.length);
    }

    /**
     * Writes what the socket takes now.
     *
     * @return true when nothing is left to write.
     */
    boolean flush(final WritableByteChannel channel) throws IOException
    {
        buffer.flip();
        try
        {
            channel.write(buffer);
            return !buffer.hasRemaining();
        }
        finally
        {
            buffer.compact();
        }
    }

    /** Forgets what was not written: the socket is going. */
    void clear()
    {
        buffer.clear();
    }

    /** @return the masking key, written after the header. */
    private int header(final int opcode, final int length)
    {
        ensure(MAX_HEADER + length);
        buffer.put((byte)(0x80 | opcode));
        if (length <= MAX_CONTROL_PAYLOAD)
        {
            buffer.put((byte)(0x80 | length));
        }
        else if (length <= 0xFFFF)
        {
            buffer.put((byte)(0x80 | 126)).putShort((short)length);
        }
        else
        {
            buffer.put((byte)(0x80 | 127)).putLong(length);
        }
        final int mask = ThreadLocalRandom.current().nextInt();
        buffer.putInt(mask);
        return mask;
    }

    private void ensure(final int bytes)
    {
        if (buffer.remaining() < bytes)
        {
            final ByteBuffer grown = ByteBuffer.allocateDirect(Math.max(2 * buffer.capacity(), buffer.position() + bytes));
            buffer.flip();
            grown.put(buffer);
            buffer = grown;
        }
    }
}
