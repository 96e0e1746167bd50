package io.fathom.engine.feed;

/**
 * One connection's life as a state machine: the feeds it carries, the client serving them, its state and
 * every transition between states, each checked here (an illegal one throws {@link IllegalStateException}).
 * It owns its {@link SubscriptionPacer} and {@link ConnectionRotation}, reports its state to its counter
 * and to the {@link ConnectionBudget}, and reschedules itself in the {@link LaunchQueue} whenever its
 * launch time changes. Supervisor thread only.
 *
 * <pre>
 * PENDING | BACKOFF --connect--> CONNECTING --onOpened--> OPEN
 * CONNECTING | OPEN --onClosed: RETRY--> scheduleReconnect --> BACKOFF
 *                   --onClosed: GIVE_UP--> onFailed --> FAILED
 * CONNECTING | OPEN --markClosing--> CLOSING --close--> CLOSED    (any live state may close)
 * </pre>
 */
final class ConnectionSlot
{
    /** Ordinals are the values of the connection's state counter: keep the order ({@code fathom stat} reads it). */
    enum State
    {
        PENDING, CONNECTING, OPEN, BACKOFF, CLOSING, CLOSED, FAILED
    }

    /** What the loss of the client means. */
    enum Loss
    {
        /** Close the connection and its remaining feeds: cancelled, shutting down or carrying nothing. */
        CLOSE,
        /** Back off and connect again. */
        RETRY,
        /** Attempts are exhausted: the connection and its feeds fail. */
        GIVE_UP,
        /** The connection was already closed: only its socket is released. */
        RELEASED
    }

    final int id;
    final FeedGroup group;
    /** This slot's place in the {@link LaunchQueue}'s heap, or -1; the queue's to write. */
    int launchQueueIndex = -1;
    private final SlotFeeds feeds;
    private final ConnectionCounters counters;
    private final SlotServices services;
    private final SubscriptionPacer pacer;
    private final ConnectionRotation rotation;
    /** Client and replacement held, as last told to the group. */
    private int socketsHeld;
    private State state = State.PENDING;
    private FeedConnection client;
    /** The current client reached OPEN (so its loss closes an open connection, not a connect attempt). */
    private boolean opened;
    /** A client of this slot was lost before, so the next connect is a reconnect. */
    private boolean lost;
    private int attempts;
    private long nextAttemptNs;
    /** When the current client's opening handshake is given up (see the connect timeout). */
    private long connectDeadlineNs = Long.MAX_VALUE;

    ConnectionSlot(
        final int id, final FeedGroup group, final int[] instrumentIds, final ConnectionCounters counters,
        final SlotServices services)
    {
        this.id = id;
        this.group = group;
        this.feeds = new SlotFeeds(id, instrumentIds);
        this.counters = counters;
        this.services = services;
        this.pacer = new SubscriptionPacer(services.streams());
        this.rotation = new ConnectionRotation(services.maxLifetimeNs());
        counters.state().setRelease(state.ordinal());
    }

    // ---------------------------------------------------------------- transitions

    /** PENDING: the first connect is due at {@code atNs}. */
    void scheduleConnect(final long atNs)
    {
        require(state == State.PENDING, "schedule a first connect");
        nextAttemptNs = atNs;
        services.launches().reschedule(this);
    }

    /**
     * PENDING or BACKOFF to CONNECTING with a new client, whose handshake is given up at {@code deadlineNs}.
     *
     * @return whether this is a reconnect (an attempt failed or a client was lost before).
     */
    boolean connect(final FeedConnection newClient, final long deadlineNs)
    {
        require(state == State.PENDING || state == State.BACKOFF, "connect");
        final boolean reconnect = attempts > 0 || lost;
        if (reconnect)
        {
            counters.reconnects().increment();
        }
        attempts++;
        hold(newClient, rotation.replacement());
        connectDeadlineNs = deadlineNs;
        state(State.CONNECTING);
        return reconnect;
    }

    /**
     * The client's handshake completed: CONNECTING to OPEN. A client opening after its connection began
     * closing (CLOSING, CLOSED) leaves the state alone; its close follows.
     *
     * @return whether the connection is now OPEN.
     */
    boolean onOpened(final long nowNs)
    {
        require(client != null && !opened &&
            (state == State.CONNECTING || state == State.CLOSING || state == State.CLOSED), "open");
        opened = true;
        attempts = 0;
        if (state != State.CONNECTING)
        {
            return false;
        }
        pacer.onOpened(nowNs);
        rotation.arm(nowNs);
        state(State.OPEN);
        return true;
    }

    /**
     * The client closed: it is released, a replacement being opened is closed too, and the loss's meaning
     * is returned; the caller then moves the connection on with {@link #close}, {@link #onFailed} or
     * {@link #scheduleReconnect}.
     */
    Loss onClosed(final boolean shuttingDown, final int maxConnectAttempts)
    {
        require(client != null, "lose its client");
        final FeedConnection replacement = rotation.replacement();
        hold(null, replacement);
        opened = false;
        lost = true;
        connectDeadlineNs = Long.MAX_VALUE;
        if (replacement != null)
        {
            replacement.close();
        }
        if (isTerminal())
        {
            return Loss.RELEASED;
        }
        if (shuttingDown || feeds.subscribedCount() == 0 || state == State.CLOSING)
        {
            return Loss.CLOSE;
        }
        return attempts >= maxConnectAttempts ? Loss.GIVE_UP : Loss.RETRY;
    }

    /** The client was lost and attempts remain: BACKOFF until a jittered delay passes. @return the delay. */
    long scheduleReconnect(final long nowNs, final Backoff backoff)
    {
        require(client == null && (state == State.CONNECTING || state == State.OPEN), "back off");
        final long delayNs = backoff.delayNs(attempts);
        nextAttemptNs = nowNs + delayNs;
        state(State.BACKOFF);
        return delayNs;
    }

    /** The client was lost and attempts are exhausted: FAILED. */
    void onFailed()
    {
        require(client == null && (state == State.CONNECTING || state == State.OPEN), "fail");
        state(State.FAILED);
    }

    /** Its last feed was cancelled while a client is held: CLOSING, and the clients are asked to close. */
    void markClosing()
    {
        require(state == State.CONNECTING || state == State.OPEN, "start closing");
        state(State.CLOSING);
        if (client != null)
        {
            client.close();
        }
        if (rotation.replacement() != null)
        {
            rotation.replacement().close();
        }
    }

    /** Any live state to CLOSED (a socket still held is released when its close arrives). */
    void close()
    {
        require(!isTerminal(), "close");
        state(State.CLOSED);
    }

    /** OPEN, no replacement yet: a replacement starts opening, its handshake given up at {@code deadlineNs}. */
    void startReplacement(final FeedConnection replacement, final long deadlineNs)
    {
        require(state == State.OPEN && rotation.replacement() == null, "start a replacement");
        rotation.begin(replacement, deadlineNs);
        hold(client, replacement);
        services.launches().reschedule(this);
    }

    /**
     * The replacement's handshake completed. On an OPEN connection it becomes the client and the old client
     * retires; on one closing or backing off it was already asked to close, and takes nothing over.
     *
     * @return the old client, which the caller closes; null when the replacement took nothing over.
     */
    FeedConnection onReplacementOpened(final long nowNs)
    {
        require(rotation.replacement() != null && !rotation.hasOpened(), "open a replacement");
        if (state != State.OPEN)
        {
            rotation.openedTooLate();
            return null;
        }
        final FeedConnection old = client;
        hold(rotation.complete(old, nowNs), null);
        services.launches().reschedule(this);
        return old;
    }

    /** The replacement closed: released, and rotation retried at {@code retryAtNs}. */
    void onReplacementClosed(final long retryAtNs)
    {
        require(rotation.replacement() != null, "lose a replacement");
        rotation.fail(retryAtNs);
        hold(client, null);
        services.launches().reschedule(this);
    }

    /** The retiring client closed. @return whether the connection is OPEN, so its client may now subscribe. */
    boolean onRetired()
    {
        require(rotation.retiring() != null, "retire a client");
        rotation.retired();
        return state == State.OPEN;
    }

    /** The client's handshake ran past its deadline: true once, and the caller closes it. */
    boolean isHandshakeOverdue(final long nowNs)
    {
        if (state == State.CONNECTING && client != null && nowNs - connectDeadlineNs > 0)
        {
            connectDeadlineNs = Long.MAX_VALUE;
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- queries

    State state()
    {
        return state;
    }

    boolean isTerminal()
    {
        return state == State.CLOSED || state == State.FAILED;
    }

    /** Whether it is waiting to connect or to rotate; see {@link #launchAtNs}. */
    boolean isLaunchPending()
    {
        return state == State.PENDING || state == State.BACKOFF || (state == State.OPEN && rotation.isPending());
    }

    /** When its next connect (PENDING, BACKOFF) or rotation (OPEN) is due. */
    long launchAtNs()
    {
        return state == State.OPEN ? rotation.rotateAtNs() : nextAttemptNs;
    }

    /** Whether a socket of it is held (client or replacement): its group is not closed until none is. */
    boolean holdsSocket()
    {
        return client != null || rotation.replacement() != null;
    }

    FeedConnection client()
    {
        return client;
    }

    boolean hasOpened()
    {
        return opened;
    }

    int attempts()
    {
        return attempts;
    }

    ConnectionRotation rotation()
    {
        return rotation;
    }

    SubscriptionPacer pacer()
    {
        return pacer;
    }

    ConnectionCounters counters()
    {
        return counters;
    }

    /** The feeds it carries; which are subscribed changes as they are cancelled. */
    SlotFeeds feeds()
    {
        return feeds;
    }

    @Override
    public String toString()
    {
        return "connection " + id + " (" + state + ")";
    }

    // ---------------------------------------------------------------- internals

    private void state(final State newState)
    {
        services.budget().onState(state, newState);
        state = newState;
        counters.state().setRelease(newState.ordinal());
        services.launches().reschedule(this);
    }

    /** Sets the held sockets, keeping the group's count of held sockets in step. */
    private void hold(final FeedConnection newClient, final FeedConnection newReplacement)
    {
        client = newClient;
        final int held = (newClient != null ? 1 : 0) + (newReplacement != null ? 1 : 0);
        group.onSocketsHeld(held - socketsHeld);
        socketsHeld = held;
    }

    private void require(final boolean legal, final String what)
    {
        if (!legal)
        {
            throw new IllegalStateException(this + " cannot " + what + (client == null ? "" : " (client held)"));
        }
    }
}
