package io.fathom.engine.transport;

import io.fathom.engine.feed.WebSocketTransport;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemNanoClock;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The selector transport: {@link SelectorSettings#ioThreads()} I/O agents, each with one selector for the
 * many connections dealt to it in turn, so the threads do not grow with the connections. Frames are read in
 * place from each connection's receive buffer and handed to the handler on the agent's thread, the
 * connection's feed thread. {@code wss://} runs TLS through an {@code SSLEngine} on the same agents, checking
 * the certificate against {@link SelectorSettings#tlsContext()}'s trust and the host name it was asked for.
 *
 * <p>With {@link IoThreading#DEDICATED} each agent runs on its own thread ({@code fathom-io-N}), idling
 * through the given strategy; with {@link IoThreading#INVOKER} nothing runs until the caller calls
 * {@link #invoke()}.
 */
public final class SelectorTransportFactory implements WebSocketTransport.Factory
{
    private final IoAgent[] agents;
    private final AgentRunner[] runners;
    private final AgentInvoker[] invokers;
    private final TransportLimits limits;
    private final Callable<SSLContext> tlsContext;
    private int nextAgent;
    private boolean closed;

    /**
     * @param errorHandler   told of an error that escaped an agent's duty cycle.
     */
    public SelectorTransportFactory(
        final SelectorSettings settings,
        final TransportLimits limits,
        final Supplier<IdleStrategy> idleStrategies,
        final ErrorHandler errorHandler)
    {
        this.limits = limits;
        final SSLContext given = settings.tlsContext();
        this.tlsContext = given != null ? () -> given : SSLContext::getDefault;
        final int count = settings.ioThreads();
        agents = new IoAgent[count];
        final boolean invoker = settings.threading() == IoThreading.INVOKER;
        runners = invoker ? null : new AgentRunner[count];
        invokers = invoker ? new AgentInvoker[count] : null;
        try
        {
            for (int i = 0; i < count; i++)
            {
                agents[i] = new IoAgent("fathom-io-" + i, !invoker, new SystemNanoClock());
                if (invoker)
                {
                    invokers[i] = new AgentInvoker(errorHandler, null, agents[i]);
                    invokers[i].start();
                }
                else
                {
                    runners[i] = new AgentRunner(idleStrategies.get(), errorHandler, null, agents[i]);
                    AgentRunner.startOnThread(runners[i]);
                }
            }
        }
        catch (final IOException ex)
        {
            close();
            throw new UncheckedIOException("cannot open a selector", ex);
        }
    }

    @Override
    public synchronized WebSocketTransport newTransport(final URI uri, final WebSocketTransport.Handler handler)
    {
        final boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
        if (!secure && !"ws".equalsIgnoreCase(uri.getScheme()))
        {
            throw new IllegalArgumentException("the selector transport carries ws:// and wss:// only, not " + uri);
        }
        final IoAgent agent = agents[nextAgent];
        nextAgent = (nextAgent + 1) % agents.length;
        return new SelectorConnection(agent, new SelectorWebSocket(agent, uri, handler, limits, secure ? tlsContext : null));
    }

    /**
     * Runs one duty cycle of every agent on the calling thread; {@link IoThreading#INVOKER} only.
     *
     * @return the work done, 0 when there was nothing to do.
     */
    public int invoke()
    {
        if (invokers == null)
        {
            throw new IllegalStateException("the I/O agents run on their own threads");
        }
        int work = 0;
        for (final AgentInvoker invoker : invokers)
        {
            work += invoker.invoke();
        }
        return work;
    }

    /** Stops the agents, which close any socket still open; after every transport it made is closed. */
    @Override
    public synchronized void close()
    {
        if (!closed)
        {
            closed = true;
            if (runners != null)
            {
                CloseHelper.quietCloseAll(runners);
            }
            if (invokers != null)
            {
                CloseHelper.quietCloseAll(invokers);
            }
        }
    }
}
