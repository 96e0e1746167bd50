package io.fathom.tools.sim;

import java.util.ArrayList;

/**
 * Who listens to what, kept as arrays for the generator's fan-out: the open sessions, and per symbol
 * the sessions subscribed to its depth stream. Generator thread only.
 */
final class SimSubscriptions
{
    private static final SimSession[] NONE = new SimSession[0];

    private final SimSession[][] subscribers;
    private final int[] subscriberCounts;
    private final ArrayList<SimSession> openSessions = new ArrayList<>();
    private int subscriptionCount;

    SimSubscriptions(final int symbolCount)
    {
        subscribers = new SimSession[symbolCount][];
        subscriberCounts = new int[symbolCount];
    }

    int subscriptionCount()
    {
        return subscriptionCount;
    }

    int openCount()
    {
        return openSessions.size();
    }

    SimSession open(final int index)
    {
        return openSessions.get(index);
    }

    void add(final SimSession session)
    {
        openSessions.add(session);
    }

    /** Removes a session and every subscription it held. */
    void remove(final SimSession session)
    {
        openSessions.remove(session);
        for (final int symbolIndex : session.subscriptionsCopy())
        {
            unsubscribe(session, symbolIndex);
        }
    }

    /**
     * @return the subscribers of {@code symbolIndex}; only the first {@link #subscriberCount(int)} are set.
     */
    SimSession[] subscribers(final int symbolIndex)
    {
        final SimSession[] sessions = subscribers[symbolIndex];
        return sessions == null ? NONE : sessions;
    }

    int subscriberCount(final int symbolIndex)
    {
        return subscriberCounts[symbolIndex];
    }

    void subscribe(final SimSession session, final int symbolIndex)
    {
        if (!session.subscribe(symbolIndex))
        {
            return;
        }
        SimSession[] sessions = subscribers[symbolIndex];
        final int count = subscriberCounts[symbolIndex];
        if (sessions == null || count == sessions.length)
        {
            final SimSession[] grown = new SimSession[count == 0 ? 4 : count * 2];
            if (sessions != null)
            {
                System.arraycopy(sessions, 0, grown, 0, count);
            }
            sessions = grown;
            subscribers[symbolIndex] = sessions;
        }
        sessions[count] = session;
        subscriberCounts[symbolIndex] = count + 1;
        subscriptionCount++;
    }

    void unsubscribe(final SimSession session, final int symbolIndex)
    {
        if (!session.unsubscribe(symbolIndex))
        {
            return;
        }
        final SimSession[] sessions = subscribers[symbolIndex];
        final int last = subscriberCounts[symbolIndex] - 1;
        for (int i = 0; i <= last; i++)
        {
            if (sessions[i] == session)
            {
                sessions[i] = sessions[last];
                sessions[last] = null;
                subscriberCounts[symbolIndex] = last;
                break;
            }
        }
        subscriptionCount--;
    }
}
