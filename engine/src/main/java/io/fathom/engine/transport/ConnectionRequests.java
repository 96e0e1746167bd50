package io.fathom.engine.transport;

import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;

/**
 * What other threads ask of one {@link SelectorWebSocket}, held until its {@link IoAgent} acts on it in the next
 * duty cycle: any thread writes a request and then signals the agent; only the agent's thread reads them.
 */
final class ConnectionRequests
{
    private final ManyToOneConcurrentLinkedQueue<String> texts = new ManyToOneConcurrentLinkedQueue<>();
    private volatile boolean connect;
    private volatile boolean close;
    /** Set at shutdown: the agent ends the socket itself ({@link SelectorWebSocket#endOnOwnThread}). */
    private volatile String endReason;

    void connect()
    {
        connect = true;
    }

    void send(final String text)
    {
        texts.offer(text);
    }

    void close()
    {
        close = true;
    }

    /** A close the agent carries out at once, without waiting on the peer. */
    void end(final String reason)
    {
        endReason = reason;
        close = true;
    }

    boolean connectAsked()
    {
        return connect;
    }

    boolean closeAsked()
    {
        return close;
    }

    /** @return why the socket is to be ended at once; null unless asked. */
    String endReason()
    {
        return endReason;
    }

    /**
     * Agent thread: frames every text asked to be sent, oldest first, into {@code sender}.
     *
     * @return whether there was any.
     */
    boolean takeTexts(final FrameSender sender)
    {
        boolean any = false;
        String text;
        while ((text = texts.poll()) != null)
        {
            sender.text(text);
            any = true;
        }
        return any;
    }
}
