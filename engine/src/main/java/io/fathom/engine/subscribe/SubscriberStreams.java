package io.fathom.engine.subscribe;

import io.aeron.AvailableImageHandler;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.UnavailableImageHandler;
import io.fathom.engine.publish.AeronConnection;
import org.agrona.CloseHelper;

import java.util.ArrayList;
import java.util.List;

/**
 * A subscriber's Aeron resources, opened and closed together: its connection (with an embedded media driver
 * unless an external one is named), the books' subscription, and a publication to each engine's control channel.
 */
final class SubscriberStreams implements AutoCloseable
{
    private final AeronConnection connection;
    private final List<ExclusivePublication> controls;
    private final Subscription subscription;

    private SubscriberStreams(final AeronConnection connection, final List<ExclusivePublication> controls, final Subscription subscription)
    {
        this.connection = connection;
        this.controls = controls;
        this.subscription = subscription;
    }

    /** Connects and subscribes; on failure closes what it opened and rethrows. */
    static SubscriberStreams open(
        final SubscriberContext context, final AvailableImageHandler available, final UnavailableImageHandler unavailable)
    {
        final AeronConnection connection = AeronConnection.open(context.aeronDir(), "subscriber");
        try
        {
            final List<ExclusivePublication> controls = new ArrayList<>();
            for (final String control : context.controlChannels())
            {
                controls.add(connection.aeron().addExclusivePublication(control, context.controlStreamId()));
            }
            return new SubscriberStreams(connection, List.copyOf(controls),
                connection.aeron().addSubscription(context.channel(), context.streamId(), available, unavailable));
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(connection);
            throw ex;
        }
    }

    Subscription subscription()
    {
        return subscription;
    }

    List<ExclusivePublication> controls()
    {
        return controls;
    }

    AeronConnection connection()
    {
        return connection;
    }

    /**
     * Whether the Aeron client closed under the subscriber: its driver timed it out, or it timed itself out
     * (its process was stopped, SIGSTOP, for longer than the driver's client liveness timeout, 10 s by default).
     */
    boolean lost()
    {
        return connection.aeron().isClosed();
    }

    @Override
    public void close()
    {
        if (lost())
        {
            CloseHelper.quietClose(connection);
            return;
        }
        CloseHelper.closeAll(() -> CloseHelper.closeAll(controls), subscription, connection);
    }
}
