package io.fathom.engine.publish;

import io.aeron.Publication;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Counts what became of the publisher's offers, in the counters file ({@code fathom stat}): messages sent, and
 * each reason Aeron gave for not taking one. Written by the publisher thread alone; sent messages are added
 * once per duty cycle.
 */
final class OfferCounters
{
    private final AtomicCounter messages;
    private final AtomicCounter backPressured;
    private final AtomicCounter notConnected;
    private final AtomicCounter adminActions;
    private final AtomicCounter closed;
    private long sent;

    OfferCounters(final EngineCounters counters)
    {
        messages = counters.get(SystemCounter.PUBLISH_MESSAGES);
        backPressured = counters.get(SystemCounter.PUBLISH_BACK_PRESSURED);
        notConnected = counters.get(SystemCounter.PUBLISH_NOT_CONNECTED);
        adminActions = counters.get(SystemCounter.PUBLISH_ADMIN_ACTIONS);
        closed = counters.get(SystemCounter.PUBLISH_CLOSED);
    }

    void onSent()
    {
        sent++;
    }

    void onAdminAction()
    {
        adminActions.incrementRelease();
    }

    /** Counts a refused offer by Aeron's result code. */
    void onRefused(final long result)
    {
        if (result == Publication.BACK_PRESSURED)
        {
            backPressured.incrementRelease();
        }
        else if (result == Publication.NOT_CONNECTED)
        {
            notConnected.incrementRelease();
        }
        else if (result == Publication.ADMIN_ACTION)
        {
            adminActions.incrementRelease();
        }
        else
        {
            closed.incrementRelease();
        }
    }

    /** Publishes the messages sent since the last call. */
    void flush()
    {
        if (sent != 0)
        {
            messages.getAndAddRelease(sent);
            sent = 0;
        }
    }
}
