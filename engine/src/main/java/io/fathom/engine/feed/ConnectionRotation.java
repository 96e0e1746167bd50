package io.fathom.engine.feed;

import java.util.concurrent.ThreadLocalRandom;

/**
 * One connection's replacement before the venue's maximum lifetime, make-before-break: when rotation is
 * due, the replacement being opened (with its handshake deadline), and the rotated-out client a venue
 * that sends snapshots on subscribe waits for before subscribing anew. Owned by its
 * {@link ConnectionSlot}, which checks the connection's state around every change; supervisor thread only.
 */
final class ConnectionRotation
{
    private final long lifetimeNs;
    private FeedConnection replacement;
    private FeedConnection retiring;
    /** The replacement opened on a connection no longer OPEN: it is closing, and was no handshake in flight. */
    private boolean replacementOpened;
    private long rotateAtNs = Long.MAX_VALUE;
    private long deadlineNs = Long.MAX_VALUE;

    ConnectionRotation(final long lifetimeNs)
    {
        this.lifetimeNs = lifetimeNs;
    }

    /**
     * A client opened at {@code openedAtNs}: its rotation is due between 85% and 95% of the lifetime, so
     * connections opened together rotate apart. Never, without a lifetime.
     */
    void arm(final long openedAtNs)
    {
        if (lifetimeNs <= 0)
        {
            rotateAtNs = Long.MAX_VALUE;
            return;
        }
        final double fraction = 0.85 + 0.10 * ThreadLocalRandom.current().nextDouble();
        rotateAtNs = openedAtNs + (long)(lifetimeNs * fraction);
    }

    /** Whether a rotation waits to be launched: armed, and no replacement under way. */
    boolean isPending()
    {
        return replacement == null && rotateAtNs != Long.MAX_VALUE;
    }

    long rotateAtNs()
    {
        return rotateAtNs;
    }

    FeedConnection replacement()
    {
        return replacement;
    }

    FeedConnection retiring()
    {
        return retiring;
    }

    void begin(final FeedConnection connection, final long handshakeDeadlineNs)
    {
        if (replacement != null)
        {
            throw new IllegalStateException("a replacement is already being opened");
        }
        replacement = connection;
        replacementOpened = false;
        deadlineNs = handshakeDeadlineNs;
    }

    /** The replacement opened after its connection stopped being OPEN; it closes without taking over. */
    void openedTooLate()
    {
        replacementOpened = true;
    }

    /** Whether the replacement held now has opened (and so no longer counts as a handshake in flight). */
    boolean hasOpened()
    {
        return replacementOpened;
    }

    /**
     * The replacement opened and becomes the client; the old client, if any, is retiring until its close.
     *
     * @return the new client.
     */
    FeedConnection complete(final FeedConnection oldClient, final long nowNs)
    {
        final FeedConnection client = replacement;
        replacement = null;
        deadlineNs = Long.MAX_VALUE;
        retiring = oldClient;
        arm(nowNs);
        return client;
    }

    /** The replacement closed before opening: the current client stays, and rotation is tried again at {@code retryAtNs}. */
    void fail(final long retryAtNs)
    {
        replacement = null;
        replacementOpened = false;
        deadlineNs = Long.MAX_VALUE;
        rotateAtNs = retryAtNs;
    }

    /** The retiring client has delivered its last frame. */
    void retired()
    {
        retiring = null;
    }

    /** Whether the replacement's opening handshake has run past its deadline; true once, then it is forgotten. */
    boolean handshakeOverdue(final long nowNs)
    {
        if (replacement != null && !replacement.isOpen() && nowNs - deadlineNs > 0)
        {
            deadlineNs = Long.MAX_VALUE;
            return true;
        }
        return false;
    }
}
