package io.fathom.engine.transport;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;

/**
 * A connection's receive buffer and the RFC 6455 frames in it, read where they lie: an unfragmented
 * message is handed to the {@link Sink} as a range of the receive buffer, with no copy, no {@code String}
 * and no object per frame. Only the parts of a fragmented message are copied, into a buffer that grows as
 * far as the message limit and is kept. A frame that would take a message over the limit is refused from
 * its header, before any of its payload is read, and skipped as it arrives.
 *
 * <p>The receive buffer starts at {@value #INITIAL_CAPACITY} bytes and grows, doubling, when a frame
 * larger than it arrives. Text is not checked for UTF-8 here: the venue decoders' JSON scanner checks
 * every byte above ASCII it reads. One thread: the I/O agent's.
 */
final class FrameReceiver
{
    /** What the frames say; called during {@link #parse}. */
    interface Sink
    {
        /** A whole text or binary message; the range is valid until the call returns. */
        void onMessage(DirectBuffer buffer, int offset, int length);

        /** A close, ping or pong frame. */
        void onControl(int opcode, DirectBuffer buffer, int offset, int length);

        /** A message over the limit: its payload is being skipped; the sink starts the close. */
        void onTooLarge();

        /** The server broke RFC 6455; nothing more is parsed and the sink closes with 1002. */
        void onProtocolError(String reason);

        /** False once the connection has closed: parsing stops. */
        boolean accepting();
    }

    static final int INITIAL_CAPACITY = 64 * 1024;
    private static final int MAX_HEADER = 14;

    private final int maxMessageBytes;
    /** Data from {@link #readIndex} to its position; filled by the socket from its position. */
    private ByteBuffer receive = ByteBuffer.allocateDirect(INITIAL_CAPACITY);
    private final UnsafeBuffer view = new UnsafeBuffer(receive);
    private int readIndex;
    private long skipBytes;
    private ByteBuffer fragmentBytes;
    private final UnsafeBuffer fragments = new UnsafeBuffer(0, 0);
    private int fragmentsLength;
    private boolean inFragmentedMessage;

    FrameReceiver(final int maxMessageBytes)
    {
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * One read from the socket into the free end of the buffer.
     *
     * @return bytes read, -1 at the end of the stream.
     */
    int read(final ReadableByteChannel channel) throws IOException
    {
        if (!receive.hasRemaining())
        {
            makeRoom(MAX_HEADER);
        }
        return channel.read(receive);
    }

    /**
     * One read into a free end of at least {@code minFreeBytes}, which a TLS channel needs to decrypt what it
     * reads in one go: the partial frame is moved to the start, or the buffer grows.
     *
     * @return bytes read, -1 at the end of the stream.
     */
    int read(final ReadableByteChannel channel, final int minFreeBytes) throws IOException
    {
        if (receive.remaining() < minFreeBytes)
        {
            final int pending = receive.position() - readIndex;
            if (receive.capacity() - pending < minFreeBytes)
            {
                grow(pending + minFreeBytes);
            }
            else
            {
                receive.limit(receive.position()).position(readIndex);
                receive.compact();
            }
            readIndex = 0;
        }
        return channel.read(receive);
    }

    DirectBuffer buffer()
    {
        return view;
    }

    int readIndex()
    {
        return readIndex;
    }

    int available()
    {
        return receive.position() - readIndex;
    }

    /** Marks bytes as read that were not a frame (the upgrade response head). */
    void consume(final int bytes)
    {
        readIndex += bytes;
    }

    /** Hands every whole frame received to the sink, then keeps what is left of a partial one. */
    void parse(final Sink sink)
    {
        while (sink.accepting())
        {
            final int available = receive.position() - readIndex;
            if (skipBytes > 0)
            {
                final int skipped = (int)Math.min(skipBytes, available);
                readIndex += skipped;
                skipBytes -= skipped;
                if (skipBytes > 0)
                {
                    break;
                }
                continue;
            }
            if (available < 2)
            {
                break;
            }
            final int b0 = view.getByte(readIndex) & 0xFF;
            final int b1 = view.getByte(readIndex + 1) & 0xFF;
            long length = b1 & 0x7F;
            int header = 2;
            if (length == 126)
            {
                if (available < 4)
                {
                    break;
                }
                length = view.getShort(readIndex + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF;
                header = 4;
            }
            else if (length == 127)
            {
                if (available < 10)
                {
                    break;
                }
                length = view.getLong(readIndex + 2, ByteOrder.BIG_ENDIAN);
                header = 10;
            }
            if (!frame(sink, b0, b1, header, length, available))
            {
                break;
            }
        }
        compact();
    }

    /** @return false when the frame is not all here yet, or parsing must stop. */
    private boolean frame(final Sink sink, final int b0, final int b1, final int header, final long length, final int available)
    {
        final boolean fin = (b0 & 0x80) != 0;
        final int opcode = b0 & 0x0F;
        final String violation = (b0 & 0x70) != 0 ? "reserved bits set without an extension" :
            (b1 & 0x80) != 0 ? "a masked frame from the server" :
            length < 0 ? "a negative payload length" :
            opcode >= FrameSender.OP_CLOSE && (!fin || length > FrameSender.MAX_CONTROL_PAYLOAD) ?
                "a fragmented or oversized control frame" :
            opcode > FrameSender.OP_BINARY && opcode < FrameSender.OP_CLOSE || opcode > FrameSender.OP_PONG ?
                "unknown opcode " + opcode :
            opcode == FrameSender.OP_CONTINUATION && !inFragmentedMessage ? "a continuation outside a message" :
            (opcode == FrameSender.OP_TEXT || opcode == FrameSender.OP_BINARY) && inFragmentedMessage ?
                "a new message inside a fragmented one" : null;
        if (violation != null)
        {
            sink.onProtocolError(violation);
            return false;
        }
        if (opcode < FrameSender.OP_CLOSE && (opcode == FrameSender.OP_CONTINUATION ? fragmentsLength : 0) + length > maxMessageBytes)
        {
            readIndex += header;
            skipBytes = length;
            inFragmentedMessage = false;
            fragmentsLength = 0;
            sink.onTooLarge();
            return true;
        }
        final int frameLength = header + (int)length;
        if (available < frameLength)
        {
            makeRoom(frameLength);
            return false;
        }
        final int payload = readIndex + header;
        readIndex += frameLength;
        if (opcode >= FrameSender.OP_CLOSE)
        {
            sink.onControl(opcode, view, payload, (int)length);
        }
        else if (fin && opcode != FrameSender.OP_CONTINUATION)
        {
            sink.onMessage(view, payload, (int)length);
        }
        else
        {
            appendFragment(payload, (int)length);
            inFragmentedMessage = !fin;
            if (fin)
            {
                final int messageLength = fragmentsLength;
                fragmentsLength = 0;
                sink.onMessage(fragments, 0, messageLength);
            }
        }
        return true;
    }

    private void appendFragment(final int offset, final int length)
    {
        final int needed = fragmentsLength + length;
        if (fragmentBytes == null || fragmentBytes.capacity() < needed)
        {
            final ByteBuffer grown = ByteBuffer.allocateDirect(
                Math.min(maxMessageBytes, Math.max(needed, fragmentBytes == null ? INITIAL_CAPACITY : 2 * fragmentBytes.capacity())));
            if (fragmentsLength > 0)
            {
                new UnsafeBuffer(grown).putBytes(0, fragments, 0, fragmentsLength);
            }
            fragmentBytes = grown;
            fragments.wrap(grown);
        }
        fragments.putBytes(fragmentsLength, view, offset, length);
        fragmentsLength = needed;
    }

    /** Empties the buffer when everything was read; otherwise leaves the partial frame where it is. */
    private void compact()
    {
        if (readIndex == receive.position())
        {
            receive.clear();
            readIndex = 0;
        }
    }

    /** Makes room for a frame of {@code frameLength} bytes from the read index: moves it to the start or grows. */
    private void makeRoom(final int frameLength)
    {
        if (receive.capacity() - readIndex >= frameLength && receive.hasRemaining())
        {
            return;
        }
        if (receive.capacity() >= frameLength && readIndex > 0)
        {
            receive.limit(receive.position()).position(readIndex);
            receive.compact();
        }
        else
        {
            grow(frameLength);
        }
        readIndex = 0;
    }

    /** Moves the data from the read index to the start of a buffer of at least {@code minCapacity}, doubling. */
    private void grow(final int minCapacity)
    {
        final ByteBuffer grown = ByteBuffer.allocateDirect(Math.max(minCapacity, 2 * receive.capacity()));
        receive.limit(receive.position()).position(readIndex);
        grown.put(receive);
        receive = grown;
        view.wrap(grown);
    }
}
