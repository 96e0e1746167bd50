package io.fathom.engine.feed;

import com.lmax.disruptor.RingBuffer;
import io.fathom.codec.Venue;
import io.fathom.codec.venue.FrameDecoder;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.ring.ProducerGate;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.FeedCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Real {@link FeedConnection}s over transports that only record what is asked of them, so a test opens
 * and closes a client by calling its handler, on the test's thread.
 */
final class FakeClients implements ConnectionFactory, WebSocketTransport.Factory
{
    final EngineCounters counters;
    final InstrumentTable instruments;
    final FeedActivity activity;
    final RingBuffer<DepthEvent> ring;
    final DepthPublisher publisher;
    private final ProducerGate gate = new ProducerGate();
    final List<RecordingTransport> transports = new ArrayList<>();

    FakeClients(final File runDir, final List<String> symbols)
    {
        this.counters = new EngineCounters(runDir);
        this.instruments = new InstrumentTable(symbols);
        this.activity = new FeedActivity(symbols.size(), new FeedCounters(counters, "binance", symbols));
        this.ring = RingBuffer.createMultiProducer(() -> new DepthEvent(8), 1 << 10);
        this.publisher = new DepthPublisher(ring, gate, 8, counters.get(SystemCounter.EVENTS_PUBLISHED));
    }

    @Override
    public FeedConnection newConnection(
        final int connectionId, final URI uri, final int[] instrumentIds, final AtomicCounter messages,
        final FeedConnection.Listener listener)
    {
        return new FeedConnection(new ConnectionIdentity(connectionId, uri, instrumentIds), messages,
            new FeedConnectionServices(instruments, activity, this::newPublisher, () -> FrameDecoder.forVenue(Venue.BINANCE, 8, 8),
                null, 8, counters, System::nanoTime, this), listener);
    }

    /** Each connection publishes through its own permit of one gate, as in the engine. */
    private DepthPublisher newPublisher()
    {
        return new DepthPublisher(ring, gate, 8, counters.get(SystemCounter.EVENTS_PUBLISHED));
    }

    /** A client no supervisor listens to. */
    FeedConnection newClient(final int connectionId)
    {
        return newConnection(connectionId, URI.create("ws://127.0.0.1:1/ws"), new int[] {0},
            counters.get(SystemCounter.MESSAGES_RECEIVED), new FeedConnection.Listener()
            {
                @Override
                public void onOpen(final FeedConnection connection)
                {
                }

                @Override
                public void onClosed(final FeedConnection connection, final int code, final String reason, final boolean remote)
                {
                }
            });
    }

    RecordingTransport transport(final int index)
    {
        return transports.get(index);
    }

    @Override
    public WebSocketTransport newTransport(final URI uri, final WebSocketTransport.Handler handler)
    {
        final RecordingTransport transport = new RecordingTransport(uri, handler);
        transports.add(transport);
        return transport;
    }

    @Override
    public void close()
    {
        counters.close();
    }

    static final class RecordingTransport implements WebSocketTransport
    {
        final URI uri;
        final Handler handler;
        final List<String> sent = new ArrayList<>();
        int connects;
        int closes;
        boolean open;

        RecordingTransport(final URI uri, final Handler handler)
        {
            this.uri = uri;
            this.handler = handler;
        }

        /** The peer completed the handshake. */
        void opened()
        {
            open = true;
            handler.onOpen();
        }

        /** A text frame from the peer. */
        void frame(final String text)
        {
            handler.onFrame(java.nio.ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }

        /** The socket closed (or the attempt ended). */
        void closed(final int code)
        {
            open = false;
            handler.onClose(code, "", true);
        }

        @Override
        public void connect()
        {
            connects++;
        }

        @Override
        public void sendText(final String text)
        {
            sent.add(text);
        }

        @Override
        public void close()
        {
            closes++;
        }

        @Override
        public void abort(final String reason)
        {
            closed(ABNORMAL_CLOSE);
        }

        @Override
        public boolean isOpen()
        {
            return open;
        }
    }
}
