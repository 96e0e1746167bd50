package io.fathom.engine.feed;

/**
 * What every connection of one supervisor shares: the queue that orders launches, the budget its state
 * counts against, the venue's control messages, and the venue's maximum connection lifetime.
 */
record SlotServices(LaunchQueue launches, ConnectionBudget budget, VenueStreams streams, long maxLifetimeNs)
{
}
