package io.fathom.engine.feed;

import org.agrona.concurrent.status.AtomicCounter;

import java.net.URI;

/** Makes the client for one connection attempt; called on the supervisor thread. */
@FunctionalInterface
public interface ConnectionFactory
{
    FeedConnection newConnection(
        int connectionId, URI uri, int[] instrumentIds, AtomicCounter messages, FeedConnection.Listener listener);
}
