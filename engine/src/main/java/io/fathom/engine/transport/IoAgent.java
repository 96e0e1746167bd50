package io.fathom.engine.transport;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;
import org.agrona.concurrent.NanoClock;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One selector and the connections registered with it. A duty cycle reads the clock once, acts on a
 * bounded number of signals from other threads (connect, send, close), polls the selector without blocking
 * (one read per ready connection, so no connection starves the others) and, a few times a second, runs
 * each connection's timers. Ready keys are visited through a consumer made once, so a cycle allocates
 * nothing. The connections are an array. Everything here runs on the agent's thread, or the invoker's.
 */
final class IoAgent implements Agent
{
    private static final int MAX_SIGNALS_PER_CYCLE = 256;
    private static final long TIMER_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private final String roleName;
    private final boolean ownThread;
    private final NanoClock clock;
    private final Selector selector;
    private final ManyToOneConcurrentLinkedQueue<SelectorWebSocket> signals = new ManyToOneConcurrentLinkedQueue<>();
    private final Consumer<SelectionKey> onKey = this::onKey;
    private SelectorWebSocket[] sockets = new SelectorWebSocket[16];
    private int socketCount;
    private long nowNs;
    private long nextTimerNs;

    /**
     * @param ownThread the agent runs on a thread of its own, not the caller's through an invoker.
     */
    IoAgent(final String roleName, final boolean ownThread, final NanoClock clock) throws IOException
    {
        this.roleName = roleName;
        this.ownThread = ownThread;
        this.clock = clock;
        this.selector = Selector.open();
    }

    /** Whether a thread of its own runs the agent, so that work left to it gets done without the caller. */
    boolean hasOwnThread()
    {
        return ownThread;
    }

    /** Asks the agent to look at the socket in its next cycle; any thread. */
    void signal(final SelectorWebSocket socket)
    {
        signals.offer(socket);
    }

    @Override
    public int doWork() throws IOException
    {
        nowNs = clock.nanoTime();
        int work = 0;
        SelectorWebSocket signalled;
        while (work < MAX_SIGNALS_PER_CYCLE && (signalled = signals.poll()) != null)
        {
            signalled.onSignal(nowNs);
            work++;
        }
        work += selector.selectNow(onKey);
        if (nowNs - nextTimerNs >= 0)
        {
            nextTimerNs = nowNs + TIMER_INTERVAL_NS;
            for (int i = socketCount - 1; i >= 0; i--)
            {
                sockets[i].onTimer(nowNs);
            }
        }
        return work;
    }

    private void onKey(final SelectionKey key)
    {
        if (key.isValid())
        {
            ((SelectorWebSocket)key.attachment()).onReady(key.readyOps(), nowNs);
        }
    }

    SelectionKey register(final SelectableChannel channel, final int ops, final SelectorWebSocket socket)
        throws ClosedChannelException
    {
        return channel.register(selector, ops, socket);
    }

    /** Holds a socket for its timers; agent thread. */
    void add(final SelectorWebSocket socket)
    {
        if (socket.agentIndex >= 0)
        {
            return;
        }
        if (socketCount == sockets.length)
        {
            sockets = Arrays.copyOf(sockets, 2 * socketCount);
        }
        socket.agentIndex = socketCount;
        sockets[socketCount++] = socket;
    }

    /** Lets go of a closed socket; agent thread. */
    void remove(final SelectorWebSocket socket)
    {
        final int index = socket.agentIndex;
        if (index < 0)
        {
            return;
        }
        final SelectorWebSocket last = sockets[--socketCount];
        sockets[index] = last;
        last.agentIndex = index;
        sockets[socketCount] = null;
        socket.agentIndex = -1;
    }

    /** Sockets this agent holds, for tests and the thread-count figures. */
    int socketCount()
    {
        return socketCount;
    }

    @Override
    public void onClose()
    {
        SelectorWebSocket signalled;
        while ((signalled = signals.poll()) != null)
        {
            signalled.onAgentClose();
        }
        for (int i = socketCount - 1; i >= 0; i--)
        {
            sockets[i].onAgentClose();
        }
        try
        {
            selector.close();
        }
        catch (final IOException ignored)
        {
            // the sockets are closed; nothing more to release
        }
    }

    static void closeQuietly(final SocketChannel socket)
    {
        if (socket != null)
        {
            try
            {
                socket.close();
            }
            catch (final IOException ignored)
            {
                // closing: nothing more to do with it
            }
        }
    }

    @Override
    public String roleName()
    {
        return roleName;
    }
}
