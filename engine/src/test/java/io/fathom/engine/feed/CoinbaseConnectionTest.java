package io.fathom.engine.feed;

import com.lmax.disruptor.RingBuffer;
import io.fathom.codec.Venue;
import io.fathom.codec.venue.FrameDecoder;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.handler.BookCollaborators;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.handler.HandlerSettings;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.ring.ProducerGate;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.FeedCounters;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.BookSync;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Coinbase connection's frames through a real {@link FeedConnection} into a real {@link BookHandler}, the ring
 * drained by the test: {@code sequence_num} counts the whole connection, so a frame that is taken but not wholly
 * applied, or a gap, puts every book on the connection in doubt at once.
 */
class CoinbaseConnectionTest
{
    private static final int BTC = 0;
    private static final int ETH = 1;
    private static final String TIME = "2023-02-09T20:32:50.714964855Z";

    @TempDir
    Path runDir;

    private EngineCounters counters;
    private RingBuffer<DepthEvent> ring;
    private BookHandler handler;
    private FakeClients.RecordingTransport transport;
    private long consumed = -1;

    @BeforeEach
    void setUp()
    {
        final List<String> symbols = List.of("BTC-USD", "ETH-USD");
        counters = new EngineCounters(runDir.toFile());
        final FeedActivity activity = new FeedActivity(symbols.size(), new FeedCounters(counters, "coinbase", symbols));
        activity.active(BTC, true);
        activity.active(ETH, true);
        ring = RingBuffer.createMultiProducer(() -> new DepthEvent(16), 1 << 10);
        final DepthPublisher publisher =
            new DepthPublisher(ring, new ProducerGate(), 16, counters.get(SystemCounter.EVENTS_PUBLISHED));
        handler = new BookHandler(HandlerSettings.of(symbols.size(), 64).withScales(2, 8),
            BookSync.forVenue(Venue.COINBASE, 0), BookCollaborators.of(counters));
        final WebSocketTransport.Factory transports = new WebSocketTransport.Factory()
        {
            @Override
            public WebSocketTransport newTransport(final URI uri, final WebSocketTransport.Handler connection)
            {
                transport = new FakeClients.RecordingTransport(uri, connection);
                return transport;
            }

            @Override
            public void close()
            {
            }
        };
        new FeedConnection(new ConnectionIdentity(0, URI.create("ws://127.0.0.1:1/"), new int[] {BTC, ETH}),
            counters.get(SystemCounter.MESSAGES_RECEIVED),
            new FeedConnectionServices(new InstrumentTable(symbols), activity, () -> publisher,
                () -> FrameDecoder.forVenue(Venue.COINBASE, 2, 8), null, 64, counters, SystemEpochNanoClock.INSTANCE,
                transports),
            new FeedConnection.Listener()
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
        transport.opened();
        publisher.publishControl(DepthEvent.KIND_OPEN, BTC, System.nanoTime(), 0L);
        publisher.publishControl(DepthEvent.KIND_OPEN, ETH, System.nanoTime(), 0L);
        receive(0, event("snapshot", "BTC-USD", "100.00", "1.5") + "," + event("snapshot", "ETH-USD", "10.00", "4"));
        assertThat(handler.state(BTC)).isEqualTo(SyncState.LIVE);
        assertThat(handler.state(ETH)).isEqualTo(SyncState.LIVE);
    }

    @AfterEach
    void tearDown()
    {
        counters.close();
    }

    @Test
    void aFailedEventInAnAcceptedFrameResetsEveryBookAndRestartsTheConnection()
    {
        receive(1, event("update", "BTC-USD", "100.00", "3") + "," + event("update", "ETH-USD", "10.00", "4x"));

        assertThat(handler.book(BTC).bids().quantity(0)).as("the first event was applied").isEqualTo(300_000_000L);
        assertThat(handler.state(ETH)).as("the book whose event failed is not left valid").isNotEqualTo(SyncState.LIVE);
        assertThat(handler.state(BTC)).as("sequence_num 1 was taken: every book on the connection is in doubt")
            .isNotEqualTo(SyncState.LIVE);
        assertThat(transport.closes).isEqualTo(1);
        assertThat(counters.value(SystemCounter.DECODE_ERRORS)).isEqualTo(1);

        receive(2, event("snapshot", "ETH-USD", "11.00", "1"));
        assertThat(handler.state(ETH)).as("nothing more from the condemned connection").isNotEqualTo(SyncState.LIVE);
        assertThat(counters.value(SystemCounter.MESSAGES_AFTER_RESTART)).isEqualTo(1);
        assertThat(transport.closes).isEqualTo(1);
    }

    @Test
    void framesAfterAGapNeverReachABookAndItsBooksResetAtOnce()
    {
        receive(5, event("update", "BTC-USD", "100.00", "2"));

        assertThat(counters.value(SystemCounter.CONNECTION_SEQUENCE_GAPS)).isEqualTo(1);
        assertThat(transport.closes).isEqualTo(1);
        assertThat(handler.state(BTC)).as("reset before the close completes").isNotEqualTo(SyncState.LIVE);
        assertThat(handler.state(ETH)).isNotEqualTo(SyncState.LIVE);
        assertThat(handler.book(BTC).bids().size()).isZero();

        final long publishedBefore = ring.getCursor();
        receive(6, event("snapshot", "BTC-USD", "100.00", "9") + "," + event("snapshot", "ETH-USD", "10.00", "9"));
        receive(7, event("update", "ETH-USD", "10.00", "8"));

        assertThat(ring.getCursor()).as("nothing published after the gap").isEqualTo(publishedBefore);
        assertThat(handler.state(BTC)).isNotEqualTo(SyncState.LIVE);
        assertThat(handler.state(ETH)).isNotEqualTo(SyncState.LIVE);
        assertThat(counters.value(SystemCounter.MESSAGES_AFTER_RESTART)).isEqualTo(2);
        assertThat(transport.closes).as("closed once").isEqualTo(1);
    }

    private static String event(final String type, final String product, final String price, final String quantity)
    {
        return "{\"type\":\"" + type + "\",\"product_id\":\"" + product + "\",\"updates\":[{\"side\":\"bid\"," +
            "\"event_time\":\"" + TIME + "\",\"price_level\":\"" + price + "\",\"new_quantity\":\"" + quantity + "\"}]}";
    }

    private void receive(final long sequenceNum, final String events)
    {
        final String frame = "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"" + TIME +
            "\",\"sequence_num\":" + sequenceNum + ",\"events\":[" + events + "]}";
        transport.handler.onFrame(ByteBuffer.wrap(frame.getBytes(StandardCharsets.US_ASCII)));
        drain();
    }

    private void drain()
    {
        final long cursor = ring.getCursor();
        for (long sequence = consumed + 1; sequence <= cursor; sequence++)
        {
            handler.onEvent(ring.get(sequence), sequence, sequence == cursor);
        }
        consumed = cursor;
    }
}
