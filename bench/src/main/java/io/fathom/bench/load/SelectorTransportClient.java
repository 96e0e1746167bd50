package io.fathom.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fathom.engine.Profile;
import io.fathom.engine.feed.WebSocketTransport;
import io.fathom.engine.transport.IoThreading;
import io.fathom.engine.transport.SelectorSettings;
import io.fathom.engine.transport.SelectorTransportFactory;
import io.fathom.engine.transport.TransportLimits;
import org.agrona.DirectBuffer;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Fathom's selector transport alone, set up as the engine sets it up ({@code fathom.io.threads} I/O agents,
 * default 1, idling as the {@code balanced} profile does): each frame is read in place from the receive
 * buffer for the stream name and {@code u}, timed against the simulator's schedule, and dropped.
 */
final class SelectorTransportClient extends DroppingClient
{
    private static final int CONNECTS_IN_FLIGHT = 32;
    private static final long CONNECT_TIMEOUT_S = 30;

    private final SelectorTransportFactory factory = new SelectorTransportFactory(
        new SelectorSettings(Integer.getInteger("fathom.io.threads", SelectorSettings.DEFAULT_IO_THREADS), IoThreading.DEDICATED),
        new TransportLimits(TimeUnit.SECONDS.toNanos(CONNECT_TIMEOUT_S), TimeUnit.SECONDS.toNanos(30), 1 << 20),
        Profile.BALANCED::newIoIdleStrategy, Throwable::printStackTrace);
    private final List<WebSocketTransport> transports = new ArrayList<>();

    SelectorTransportClient(final Options options)
    {
        super(options);
    }

    /** Counts, times and drops every message of one connection, on its I/O agent's thread. */
    private final class Connection implements WebSocketTransport.Handler
    {
        private final AtomicLong received = newReceivedCounter();

        @Override
        public void onOpen()
        {
        }

        @Override
        public void onFrame(final ByteBuffer payload)
        {
            throw new IllegalStateException("the selector transport delivers frames in place");
        }

        @Override
        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
            final long receivedNs = System.nanoTime();
            received.lazySet(received.get() + 1);
            recordApplied(streamIndex(buffer, offset, length), lastUpdateId(buffer, offset, length), receivedNs);
        }

        @Override
        public void onFrameTooLarge()
        {
            System.err.println("transport-selector: a message over 1 MiB");
        }

        @Override
        public void onClose(final int code, final String reason, final boolean remote)
        {
        }

        @Override
        public void onError(final Throwable error)
        {
            System.err.println("transport-selector connection: " + error);
        }
    }

    @Override
    void start()
    {
        for (int first = 0; first < options.connections(); first += CONNECTS_IN_FLIGHT)
        {
            final int end = Math.min(options.connections(), first + CONNECTS_IN_FLIGHT);
            for (int i = first; i < end; i++)
            {
                final WebSocketTransport transport = factory.newTransport(URI.create(options.streamUrl(i)), new Connection());
                transports.add(transport);
                transport.connect();
            }
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONNECT_TIMEOUT_S);
            for (int i = first; i < end; i++)
            {
                while (!transports.get(i).isOpen())
                {
                    if (System.nanoTime() - deadlineNs > 0)
                    {
                        throw new IllegalStateException("cannot open " + options.streamUrl(i));
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        }
    }

    @Override
    boolean ready()
    {
        for (final WebSocketTransport transport : transports)
        {
            if (!transport.isOpen())
            {
                return false;
            }
        }
        return true;
    }

    @Override
    ObjectNode shutdown()
    {
        final long startNs = System.nanoTime();
        for (final WebSocketTransport transport : transports)
        {
            transport.abort("shutdown");
        }
        factory.close();
        return JSON.createObjectNode().put("shutdown_us", TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNs));
    }

    /** The index in {@code {"stream":"sym<index>@...}, or -1. */
    static int streamIndex(final DirectBuffer frame, final int offset, final int length)
    {
        int index = 0;
        int digits = 0;
        for (int i = offset + "{\"stream\":\"sym".length(), end = offset + length; i < end; i++)
        {
            final int c = frame.getByte(i);
            if (c < '0' || c > '9')
            {
                break;
            }
            index = index * 10 + (c - '0');
            digits++;
        }
        return digits == 0 ? -1 : index;
    }

    /** The value of the first {@code ,"u":} field, or -1. */
    static long lastUpdateId(final DirectBuffer frame, final int offset, final int length)
    {
        final int limit = offset + length;
        for (int i = offset, end = limit - 5; i < end; i++)
        {
            if (frame.getByte(i) == ',' && frame.getByte(i + 1) == '"' && frame.getByte(i + 2) == 'u' &&
                frame.getByte(i + 3) == '"' && frame.getByte(i + 4) == ':')
            {
                long value = 0;
                for (int j = i + 5; j < limit; j++)
                {
                    final int c = frame.getByte(j);
                    if (c < '0' || c > '9')
                    {
                        return value;
                    }
                    value = value * 10 + (c - '0');
                }
            }
        }
        return -1;
    }
}
