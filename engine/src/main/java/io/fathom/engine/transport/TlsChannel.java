package io.fathom.engine.transport;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * TLS over a non-blocking socket through an {@link SSLEngine} in client mode, as a channel the frame receiver
 * reads plaintext from and the frame sender writes plaintext to. The handshake is driven by those reads and
 * writes: each call does what the engine can do now with one socket read at most, runs the engine's
 * delegated tasks (certificate checks) inline, and returns 0 while the handshake goes on. The server's
 * certificate is checked against the trust of the given {@link SSLContext} and its name against the URI's
 * host ({@code HTTPS} endpoint identification, with SNI for a host name).
 *
 * <p>Ciphertext waits in two buffers kept for the connection's life; the incoming one is on the heap, where
 * the JDK's AES-GCM decrypts in place with less than half the garbage it makes in a direct buffer (about
 * 1.3 KiB a record against 3.5 KiB on JDK 17: the engine allocates for every record, whatever the buffers).
 * A reader gives {@link #read} at least {@link #minReadBytes()} of room, so every record read from the
 * socket decrypts in one call. One thread: the I/O agent's.
 */
final class TlsChannel implements ByteChannel
{
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SocketChannel socket;
    private final SSLEngine engine;
    private final ByteBuffer[] one = new ByteBuffer[1];
    /** Ciphertext from the socket, from 0 to its position. */
    private final ByteBuffer netIn;
    /** Ciphertext for the socket, from 0 to its position. */
    private final ByteBuffer netOut;
    private final int packetBytes;
    private boolean handshakeDone;
    private boolean inboundClosed;

    TlsChannel(final SocketChannel socket, final SSLEngine engine) throws SSLException
    {
        this.socket = socket;
        this.engine = engine;
        packetBytes = engine.getSession().getPacketBufferSize();
        netIn = ByteBuffer.allocate(2 * packetBytes);
        netOut = ByteBuffer.allocateDirect(packetBytes);
        engine.beginHandshake();
    }

    /**
     * A client engine for {@code uri}'s host and port: certificate and host-name verification on, SNI for a
     * host name (not for an address).
     */
    static SSLEngine clientEngine(final SSLContext context, final URI uri, final int port)
    {
        final String host = hostOf(uri);
        final SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        final SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isAddressLiteral(host))
        {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** The URI's host without an IPv6 literal's brackets. */
    static String hostOf(final URI uri)
    {
        final String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isAddressLiteral(final String host)
    {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }

    /**
     * Room a reader must give {@link #read}: what one socket read can bring, decrypted, and one record more,
     * because the engine asks room for the record after the last whole one before it sees that it is partial.
     */
    int minReadBytes()
    {
        return netIn.capacity() + packetBytes;
    }

    /** Ciphertext is waiting for the socket to take it: the caller wants to be told when it is writable. */
    boolean hasPendingOutput()
    {
        return netOut.position() > 0;
    }

    /** The handshake is done and the channel carries application data. */
    boolean isHandshakeDone()
    {
        return handshakeDone;
    }

    /**
     * Reads the socket once and decrypts every whole record that came into {@code dst}.
     *
     * @return plaintext bytes, 0 while the handshake goes on or a record is incomplete, -1 once the server has
     * sent close_notify or closed the socket.
     */
    @Override
    public int read(final ByteBuffer dst) throws IOException
    {
        try
        {
            if (!handshakeDone && !handshake(true))
            {
                return 0;
            }
            final int read = inboundClosed ? -1 : socket.read(netIn);
            final int produced = unwrapAll(dst);
            return produced > 0 ? produced : read < 0 || inboundClosed ? -1 : 0;
        }
        catch (final SSLException ex)
        {
            throw sendAlert(ex);
        }
    }

    /**
     * Encrypts what the socket can take of {@code src}, after any ciphertext still waiting; during the
     * handshake, advances it instead and takes nothing.
     *
     * @return plaintext bytes taken from {@code src}.
     */
    @Override
    public int write(final ByteBuffer src) throws IOException
    {
        try
        {
            if (!flushNet() || !handshakeDone && !handshake(false))
            {
                return 0;
            }
            int consumed = 0;
            while (src.hasRemaining())
            {
                final SSLEngineResult result = engine.wrap(arrayOf(src), 0, 1, netOut);
                consumed += result.bytesConsumed();
                if (result.getStatus() == SSLEngineResult.Status.CLOSED)
                {
                    throw new SSLException("TLS is closed for writing");
                }
                afterOperation(result.getHandshakeStatus());
                if (!flushNet())
                {
                    break;
                }
            }
            return consumed;
        }
        catch (final SSLException ex)
        {
            throw sendAlert(ex);
        }
    }

    /** Sends close_notify if the socket takes it now; never waits. */
    void closeOutbound()
    {
        try
        {
            engine.closeOutbound();
            if (netOut.position() == 0)
            {
                engine.wrap(arrayOf(EMPTY), 0, 1, netOut);
            }
            flushNet();
        }
        catch (final IOException ignored)
        {
            // best effort: the socket is closed next whatever happened
        }
    }

    @Override
    public boolean isOpen()
    {
        return socket.isOpen();
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }

    /**
     * Advances the handshake as far as it goes without waiting: wraps and writes what the engine has to
     * send, runs its tasks, unwraps what the server sent (reading the socket once, and only when
     * {@code mayRead}).
     *
     * @return true once it is done.
     */
    private boolean handshake(final boolean mayRead) throws IOException
    {
        boolean readOnce = !mayRead;
        while (true)
        {
            switch (engine.getHandshakeStatus())
            {
                case NEED_TASK -> runTasks();
                case NEED_WRAP ->
                {
                    if (!flushNet())
                    {
                        return false;
                    }
                    final SSLEngineResult result = engine.wrap(arrayOf(EMPTY), 0, 1, netOut);
                    if (result.getStatus() != SSLEngineResult.Status.OK)
                    {
                        throw new SSLHandshakeException("TLS handshake could not continue: " + result.getStatus());
                    }
                    flushNet();
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN ->
                {
                    netIn.flip();
                    final SSLEngineResult result = engine.unwrap(netIn, arrayOf(EMPTY), 0, 1);
                    netIn.compact();
                    if (result.getStatus() == SSLEngineResult.Status.CLOSED ||
                        result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW)
                    {
                        throw new SSLHandshakeException("TLS handshake could not continue: " + result.getStatus());
                    }
                    if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW)
                    {
                        if (readOnce)
                        {
                            return false;
                        }
                        readOnce = true;
                        if (socket.read(netIn) < 0)
                        {
                            throw new SSLHandshakeException("the server closed the connection during the TLS handshake");
                        }
                    }
                }
                default ->
                {
                    handshakeDone = true;
                    return true;
                }
            }
        }
    }

    /** Decrypts every whole record in {@link #netIn} into {@code dst}; the caller made room for them. */
    private int unwrapAll(final ByteBuffer dst) throws IOException
    {
        int produced = 0;
        while (netIn.position() > 0 && !inboundClosed)
        {
            netIn.flip();
            final SSLEngineResult result = engine.unwrap(netIn, arrayOf(dst), 0, 1);
            netIn.compact();
            produced += result.bytesProduced();
            switch (result.getStatus())
            {
                case BUFFER_UNDERFLOW:
                    return produced;
                case BUFFER_OVERFLOW:
                    throw new SSLException("a TLS record larger than the " + dst.remaining() + " bytes of room made for it");
                case CLOSED:
                    inboundClosed = true;
                    break;
                default:
                    afterOperation(result.getHandshakeStatus());
                    break;
            }
        }
        return produced;
    }

    /** After the handshake: a session ticket's tasks, or a key update's reply. */
    private void afterOperation(final SSLEngineResult.HandshakeStatus status) throws IOException
    {
        if (status == SSLEngineResult.HandshakeStatus.NEED_TASK)
        {
            runTasks();
        }
        if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP)
        {
            handshakeDone = false;
            handshake(false);
        }
    }

    private void runTasks()
    {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null)
        {
            task.run();
        }
    }

    /** @return true when no ciphertext is left to write. */
    private boolean flushNet() throws IOException
    {
        if (netOut.position() == 0)
        {
            return true;
        }
        netOut.flip();
        try
        {
            socket.write(netOut);
        }
        finally
        {
            netOut.compact();
        }
        return netOut.position() == 0;
    }

    /** The engine's alert for a failure goes out if the socket takes it now; the failure is returned to throw. */
    private SSLException sendAlert(final SSLException failure)
    {
        try
        {
            engine.closeOutbound();
            engine.wrap(arrayOf(EMPTY), 0, 1, netOut);
            flushNet();
        }
        catch (final IOException | RuntimeException ignored)
        {
            // the connection fails with the first cause whatever became of the alert
        }
        return failure;
    }

    private ByteBuffer[] arrayOf(final ByteBuffer buffer)
    {
        one[0] = buffer;
        return one;
    }
}
