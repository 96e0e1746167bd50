package io.fathom.bench.load;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transport-alone baseline: every frame received is counted, timed and dropped, so received is applied,
 * nothing is discarded, no gap is ever seen and there is never a backlog to drain. A frame is timed by
 * the stream name and {@code u} near its start, read without decoding it.
 */
abstract class DroppingClient extends LoadClient
{
    /** One counter per connection, written only by the thread that receives that connection's frames. */
    private final List<AtomicLong> receivedPerConnection = new ArrayList<>();

    DroppingClient(final Options options)
    {
        super(options);
    }

    /** A counter for a new connection's frames. */
    final AtomicLong newReceivedCounter()
    {
        final AtomicLong counter = new AtomicLong();
        receivedPerConnection.add(counter);
        return counter;
    }

    @Override
    final long received()
    {
        long total = 0;
        for (final AtomicLong counter : receivedPerConnection)
        {
            total += counter.get();
        }
        return total;
    }

    @Override
    final long applied()
    {
        return received();
    }

    @Override
    final long discarded()
    {
        return 0;
    }

    @Override
    final boolean idle()
    {
        return true;
    }

    @Override
    final long gaps()
    {
        return 0;
    }

    /** The index in {@code {"stream":"sym<index>@...}, or -1. */
    static int streamIndex(final ByteBuffer frame)
    {
        final int start = frame.position() + "{\"stream\":\"sym".length();
        int index = 0;
        int digits = 0;
        for (int i = start; i < frame.limit(); i++)
        {
            final int c = frame.get(i);
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
    static long lastUpdateId(final ByteBuffer frame)
    {
        for (int i = frame.position(), end = frame.limit() - 5; i < end; i++)
        {
            if (frame.get(i) == ',' && frame.get(i + 1) == '"' && frame.get(i + 2) == 'u' && frame.get(i + 3) == '"' &&
                frame.get(i + 4) == ':')
            {
                long value = 0;
                for (int j = i + 5; j < frame.limit(); j++)
                {
                    final int c = frame.get(j);
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
