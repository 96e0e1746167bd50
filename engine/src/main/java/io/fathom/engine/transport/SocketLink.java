package io.fathom.engine.transport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.Callable;

/**
 * A connection's socket as its WebSocket sees it: where it goes, the non-blocking TCP connect and its
 * registration with the agent's selector, TLS over it for {@code wss://}, and the write interest that follows
 * whether bytes wait for the socket. The agent's thread, except {@link #resolve} (the connecting thread,
 * before the agent opens the socket) and {@link #abort} (any thread).
 */
final class SocketLink
{
    private final IoAgent agent;
    private volatile SocketChannel channel;
    private volatile InetSocketAddress address;
    private volatile SSLEngine tlsEngine;
    private volatile Exception resolveFailure;
    private SelectionKey key;
    private TlsChannel tls;
    private ByteChannel io;
    private boolean writeInterest;

    SocketLink(final IoAgent agent)
    {
        this.agent = agent;
    }

    /**
     * Resolves the host and, for {@code wss://}, makes the TLS client engine, so neither a DNS lookup nor
     * loading a trust store holds up the agent; a failure of either is thrown by {@link #open}.
     *
     * @param tlsContext where the {@code SSLContext} comes from; null for {@code ws://}.
     */
    void resolve(final URI uri, final Callable<SSLContext> tlsContext)
    {
        final int port = uri.getPort() != -1 ? uri.getPort() : tlsContext != null ? 443 : 80;
        try
        {
            address = new InetSocketAddress(uri.getHost(), port);
            if (tlsContext != null)
            {
                tlsEngine = TlsChannel.clientEngine(tlsContext.call(), uri, port);
            }
        }
        catch (final Exception ex)
        {
            resolveFailure = ex;
        }
    }

    /**
     * Opens a non-blocking socket to the resolved address and registers it for the connect.
     *
     * @return true when the socket connected at once.
     * @throws Exception why the address or the TLS engine could not be had, or the socket not opened.
     */
    boolean open(final SelectorWebSocket attachment) throws Exception
    {
        if (resolveFailure != null)
        {
            throw resolveFailure;
        }
        if (address == null || address.isUnresolved())
        {
            throw new UnresolvedAddressException();
        }
        final SocketChannel socket = SocketChannel.open();
        channel = socket;
        socket.configureBlocking(false);
        socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        key = agent.register(socket, SelectionKey.OP_CONNECT, attachment);
        return socket.connect(address);
    }

    /** @return false while the TCP connect is still under way. */
    boolean finishConnect() throws IOException
    {
        return channel.finishConnect();
    }

    /** TCP is up: from now on the socket is read whenever it has bytes, and TLS, if any, starts. */
    void connected() throws IOException
    {
        key.interestOps(SelectionKey.OP_READ);
        if (tlsEngine != null)
        {
            tls = new TlsChannel(channel, tlsEngine);
            io = tls;
        }
        else
        {
            io = channel;
        }
    }

    /** One read into the receiver, decrypted when over TLS; -1 at the end of the stream. */
    int read(final FrameReceiver receiver) throws IOException
    {
        return tls == null ? receiver.read(channel) : receiver.read(tls, tls.minReadBytes());
    }

    /** The TLS handshake, if any, is done: the upgrade may be read. */
    boolean isReady()
    {
        return tls == null || tls.isHandshakeDone();
    }

    boolean hasPendingOutput(final FrameSender sender)
    {
        return sender.hasPending() || tls != null && tls.hasPendingOutput();
    }

    /** Writes what the socket takes now and asks to hear when it can take the rest. */
    void flush(final FrameSender sender) throws IOException
    {
        sender.flush(io);
        final boolean blocked = tls == null ? sender.hasPending() :
            tls.hasPendingOutput() || tls.isHandshakeDone() && sender.hasPending();
        if (blocked != writeInterest)
        {
            writeInterest = blocked;
            key.interestOps(blocked ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    /** Sends TLS close_notify if the socket takes it now, before a close that ends a close handshake. */
    void closeNotify()
    {
        final SocketChannel socket = channel;
        if (tls != null && socket != null && socket.isOpen())
        {
            tls.closeOutbound();
        }
    }

    /** Lets go of the socket and its key. */
    void release()
    {
        if (key != null)
        {
            key.cancel();
        }
        IoAgent.closeQuietly(channel);
    }

    /** Closes the socket at once; any thread. */
    void abort()
    {
        IoAgent.closeQuietly(channel);
    }

    /** The socket was opened. */
    boolean isOpened()
    {
        return channel != null;
    }
}
