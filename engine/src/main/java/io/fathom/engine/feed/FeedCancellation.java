package io.fathom.engine.feed;

/**
 * Cancels feeds, groups, and fail-fast groups whose feed failed: a cancelled feed is unsubscribed while its
 * connection carries others, or its connection closes when it was the last. Holds no state of its own.
 * Supervisor thread only.
 */
final class FeedCancellation
{
    private final Connections connections;
    private final FeedLifecycle feeds;

    FeedCancellation(final Connections connections, final FeedLifecycle feeds)
    {
        this.connections = connections;
        this.feeds = feeds;
    }

    /** A FAIL_FAST group failed: its start fails, and every feed of it is cancelled. */
    void failGroup(final FeedGroup group)
    {
        feeds.groups().failStart(group);
        cancelGroup(group, "cancelled: a sibling feed of fail-fast group '" + group.name() + "' failed");
    }

    void cancelGroup(final FeedGroup group, final String cause)
    {
        for (final int id : group.instrumentIds())
        {
            cancelFeed(id, cause);
        }
        feeds.checkClosed(group);
    }

    /**
     * Cancels one feed: unsubscribed at the next control message when its connection stays OPEN for other
     * feeds, its connection closed when it was the last feed on it, or closed at once when nothing is held.
     */
    void cancelFeed(final int id, final String cause)
    {
        if (feeds.table().state(id).isTerminal())
        {
            return;
        }
        feeds.deactivate(id);
        final ConnectionSlot slot = connections.slotOf(id);
        if (slot == null)
        {
            feeds.close(id, cause);
            return;
        }
        final boolean open = slot.state() == ConnectionSlot.State.OPEN;
        if (slot.feeds().unsubscribe(id) == 0)
        {
            if (open || slot.state() == ConnectionSlot.State.CONNECTING)
            {
                feeds.table().setPendingCause(id, cause);
                slot.markClosing();
            }
            else
            {
                connections.closeSlot(slot, cause);
                feeds.close(id, cause);
            }
            return;
        }
        if (open)
        {
            slot.pacer().unsubscribe(feeds.instruments().symbol(id));
            feeds.table().setPendingCause(id, cause);
        }
        else
        {
            feeds.close(id, cause);
        }
    }
}
