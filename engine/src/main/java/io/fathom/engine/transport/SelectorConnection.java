package io.fathom.engine.transport;

import io.fathom.engine.feed.WebSocketTransport;

/**
 * The face of one {@link SelectorWebSocket} to every other thread: {@link #connect}, {@link #sendText},
 * {@link #close} and {@link #endOnOwnThread} leave a request and signal the socket's agent, which acts on it in its
 * next duty cycle; {@link #abort} closes the socket on the calling thread and reports the close there, once.
 */
final class SelectorConnection implements WebSocketTransport
{
    private final IoAgent agent;
    private final SelectorWebSocket socket;
    private final ConnectionRequests requests;

    SelectorConnection(final IoAgent agent, final SelectorWebSocket socket)
    {
        this.agent = agent;
        this.socket = socket;
        this.requests = socket.requests();
    }

    /**
     * Resolves the host and, for {@code wss://}, makes the TLS engine on the calling thread (the supervisor's),
     * so neither a DNS lookup nor loading a trust store holds up the agent. A failure of either fails the
     * attempt in the agent's next cycle, as a refused connect would.
     */
    @Override
    public void connect()
    {
        socket.resolve();
        requests.connect();
        agent.signal(socket);
    }

    @Override
    public void sendText(final String text)
    {
        if (socket.isOpen())
        {
            requests.send(text);
            agent.signal(socket);
        }
    }

    @Override
    public void close()
    {
        requests.close();
        agent.signal(socket);
    }

    @Override
    public void abort(final String reason)
    {
        requests.close();
        socket.abort(reason);
    }

    /**
     * Leaves the close frame and the abort to the agent, which ends every socket it is signalled this way in
     * its next cycles rather than the caller closing them one by one from its own thread; when the agent has
     * no thread of its own (invoker mode) the caller aborts instead, as the caller is the one driving it.
     */
    @Override
    public boolean endOnOwnThread(final String reason)
    {
        if (!agent.hasOwnThread())
        {
            close();
            return false;
        }
        requests.end(reason);
        agent.signal(socket);
        return true;
    }

    @Override
    public boolean isOpen()
    {
        return socket.isOpen();
    }
}
