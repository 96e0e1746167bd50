package io.fathom.engine.transport;

import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6455 frames as a server sends them, fed to the receiver in reads of every size from one byte up: what
 * reaches the sink is each whole message, byte for byte, with control frames between fragments handled
 * where they fall, and a message over the limit refused from its header and skipped.
 */
class FrameReceiverTest
{
    private static final int LIMIT = 1 << 20;

    private final List<String> events = new ArrayList<>();
    private final Sink sink = new Sink();

    @ParameterizedTest(name = "reads of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 125, 4096, 1 << 20})
    void fragmentsJoinedAroundInterleavedControlFramesWhateverTheReadSize(final int readSize) throws IOException
    {
        final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(frame(true, 1, "{\"a\":1}"));
        wire.write(frame(false, 1, "{\"long\":\"Grü"));
        wire.write(frame(true, 9, "are you there"));
        wire.write(frame(false, 0, "ße " + "x".repeat(70_000)));
        wire.write(frame(true, 10, ""));
        wire.write(frame(true, 0, "\"}"));
        wire.write(frame(true, 2, "binary"));
        wire.write(frame(true, 8, closePayload(1001, "going away")));

        feed(wire.toByteArray(), readSize);

        assertThat(events).containsExactly(
            "message {\"a\":1}",
            "control 9 are you there",
            "control 10 ",
            "message {\"long\":\"Grüße " + "x".repeat(70_000) + "\"}",
            "message binary",
            "control 8 " + new String(closePayload(1001, "going away"), StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "reads of {0} bytes")
    @ValueSource(ints = {1, 4096, 40_000})
    void readsThatAskForFreeRoomAsTlsDoesGetItAndStillJoinEveryMessage(final int readSize) throws IOException
    {
        final int freeBytes = 33 * 1024;
        final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 40; i++)
        {
            wire.write(frame(true, 1, "{\"n\":" + i + ",\"pad\":\"" + "y".repeat(i * 997) + "\"}"));
        }
        final FrameReceiver receiver = new FrameReceiver(LIMIT);
        final ReadableByteChannel source = channel(wire.toByteArray(), readSize);
        final List<Integer> roomSeen = new ArrayList<>();
        final ReadableByteChannel roomChecked = new ReadableByteChannel()
        {
            @Override
            public int read(final ByteBuffer dst) throws IOException
            {
                roomSeen.add(dst.remaining());
                return source.read(dst);
            }

            @Override
            public boolean isOpen()
            {
                return true;
            }

            @Override
            public void close()
            {
            }
        };

        while (receiver.read(roomChecked, freeBytes) >= 0)
        {
            receiver.parse(sink);
        }

        assertThat(roomSeen).allMatch(room -> room >= freeBytes);
        assertThat(events).hasSize(40);
        for (int i = 0; i < 40; i++)
        {
            assertThat(events.get(i)).isEqualTo("message {\"n\":" + i + ",\"pad\":\"" + "y".repeat(i * 997) + "\"}");
        }
    }

    @Test
    void aMessageOverTheLimitIsRefusedFromItsHeaderAndSkipped() throws IOException
    {
        final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(frame(true, 1, "x".repeat(LIMIT + 1)));
        wire.write(frame(true, 1, "after"));

        feed(wire.toByteArray(), 64 * 1024);

        assertThat(events).containsExactly("too large", "message after");
    }

    @Test
    void fragmentsThatAddUpToOverTheLimitAreRefused() throws IOException
    {
        final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(frame(false, 1, "x".repeat(LIMIT / 2)));
        wire.write(frame(true, 0, "x".repeat(LIMIT / 2 + 1)));
        wire.write(frame(true, 1, "after"));

        feed(wire.toByteArray(), 64 * 1024);

        assertThat(events).containsExactly("too large", "message after");
    }

    @Test
    void protocolViolationsStopParsing() throws IOException
    {
        assertThat(violation(new byte[]{(byte)0x81, (byte)0x81, 1, 2, 3, 4, 'x'})).isEqualTo("a masked frame from the server");
        assertThat(violation(new byte[]{(byte)0xC1, 0})).isEqualTo("reserved bits set without an extension");
        assertThat(violation(new byte[]{(byte)0x83, 0})).isEqualTo("unknown opcode 3");
        assertThat(violation(new byte[]{(byte)0x80, 0})).isEqualTo("a continuation outside a message");
        assertThat(violation(new byte[]{0x09, 0})).isEqualTo("a fragmented or oversized control frame");
        assertThat(violation(concat(frame(false, 1, "a"), frame(true, 1, "b")))).isEqualTo("a new message inside a fragmented one");
    }

    private String violation(final byte[] wire) throws IOException
    {
        events.clear();
        sink.stopped = false;
        final FrameReceiver receiver = new FrameReceiver(LIMIT);
        final ReadableByteChannel channel = channel(concat(wire, frame(true, 1, "never")), wire.length + 64);
        receiver.read(channel);
        receiver.parse(sink);
        assertThat(events).hasSize(1);
        return events.get(0).substring("protocol ".length());
    }

    private void feed(final byte[] wire, final int readSize) throws IOException
    {
        final FrameReceiver receiver = new FrameReceiver(LIMIT);
        final ReadableByteChannel channel = channel(wire, readSize);
        while (receiver.read(channel) >= 0)
        {
            receiver.parse(sink);
        }
    }

    private static ReadableByteChannel channel(final byte[] wire, final int readSize)
    {
        final ByteBuffer source = ByteBuffer.wrap(wire);
        return new ReadableByteChannel()
        {
            @Override
            public int read(final ByteBuffer dst)
            {
                if (!source.hasRemaining())
                {
                    return -1;
                }
                final int n = Math.min(Math.min(readSize, dst.remaining()), source.remaining());
                dst.put(source.slice().limit(n));
                source.position(source.position() + n);
                return n;
            }

            @Override
            public boolean isOpen()
            {
                return true;
            }

            @Override
            public void close()
            {
            }
        };
    }

    static byte[] frame(final boolean fin, final int opcode, final String payload)
    {
        return frame(fin, opcode, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** An unmasked frame, as a server sends it. */
    static byte[] frame(final boolean fin, final int opcode, final byte[] payload)
    {
        final ByteBuffer frame = ByteBuffer.allocate(payload.length + 10);
        frame.put((byte)((fin ? 0x80 : 0) | opcode));
        if (payload.length <= 125)
        {
            frame.put((byte)payload.length);
        }
        else if (payload.length <= 0xFFFF)
        {
            frame.put((byte)126).putShort((short)payload.length);
        }
        else
        {
            frame.put((byte)127).putLong(payload.length);
        }
        frame.put(payload);
        return java.util.Arrays.copyOf(frame.array(), frame.position());
    }

    private static byte[] closePayload(final int code, final String reason)
    {
        return concat(new byte[]{(byte)(code >> 8), (byte)code}, reason.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(final byte[] a, final byte[] b)
    {
        final byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private final class Sink implements FrameReceiver.Sink
    {
        private boolean stopped;

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length)
        {
            events.add("message " + buffer.getStringWithoutLengthUtf8(offset, length));
        }

        @Override
        public void onControl(final int opcode, final DirectBuffer buffer, final int offset, final int length)
        {
            final byte[] payload = new byte[length];
            buffer.getBytes(offset, payload);
            events.add("control " + opcode + " " + (opcode == 8 ? new String(payload, StandardCharsets.ISO_8859_1) :
                new String(payload, StandardCharsets.UTF_8)));
        }

        @Override
        public void onTooLarge()
        {
            events.add("too large");
        }

        @Override
        public void onProtocolError(final String reason)
        {
            events.add("protocol " + reason);
            stopped = true;
        }

        @Override
        public boolean accepting()
        {
            return !stopped;
        }
    }
}
