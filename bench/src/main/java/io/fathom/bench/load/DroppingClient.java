package io.fathom.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transport-alone baseline: every frame received is counted, timed and dropped, so received is applied,
 * nothing is discarded, no gap is ever seen and there is never a backlog to drain.
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
}
