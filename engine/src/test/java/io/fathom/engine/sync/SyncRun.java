package io.fathom.engine.sync;

import io.fathom.engine.handler.HandlerSettings;
import io.fathom.engine.handler.BookCollaborators;
import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.venue.FrameDecoder;
import io.fathom.engine.book.BookSide;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.ring.InlineRing;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.VenueWire.Frame;
import org.HdrHistogram.Recorder;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A book handler with the venue's sync rule, fed a venue's frames as the engine is: decoded by
 * {@link FrameDecoder#forVenue} and published through an {@link InlineRing}. The listener checks every book
 * it is shown for crossing and a volume pressure outside [-1, 1].
 */
final class SyncRun
{
    private final EngineCounters counters;
    private final int instrumentId;
    private final BookHandler handler;
    private final InlineRing ring;
    private final FrameDecoder decoder;
    private final DepthMessage message = new DepthMessage(4096);
    private final List<Integer> snapshotRequests = new ArrayList<>();
    private int bookUpdates;

    SyncRun(
        final VenueFeed feed,
        final EngineCounters counters,
        final Recorder latency,
        final int capacityPerSide,
        final int levelsPerEvent,
        final int instrumentId)
    {
        this.counters = counters;
        this.instrumentId = instrumentId;
        final BookScript.Instrument instrument = feed.instrument();
        handler = new BookHandler(
            HandlerSettings.of(instrumentId + 2, capacityPerSide).withPendingMaxLevels(1 << 14)
                .withScales(instrument.priceScale(), instrument.quantityScale()),
            BookSync.forVenue(feed.venue(), VenueFeed.isKraken(feed.venue()) ? feed.depth() : 0),
            BookCollaborators.of(counters).withRequester(snapshotRequests::add).withLatencyRecorder(latency)
                .withListener((book, topChanged, pressure) ->
                {
                    assertThat(book.isCrossed()).as("book shown to the listener is crossed").isFalse();
                    assertThat(pressure).as("volume pressure").isBetween(-1.0, 1.0);
                    bookUpdates++;
                }));
        ring = new InlineRing(levelsPerEvent, counters.get(SystemCounter.EVENTS_PUBLISHED), List.of(handler));
        decoder = FrameDecoder.forVenue(feed.venue(), instrument.priceScale(), instrument.quantityScale());
    }

    /** Decodes a frame as the feed thread does and publishes each depth message it holds. */
    void publish(final Frame frame)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(frame.bytes());
        final DecodeResult result = frame.rest() ?
            decoder.decodeSnapshot(buffer, 0, buffer.capacity(), message) :
            decoder.decodeFrame(buffer, 0, buffer.capacity(), message);
        assertThat(result).as("decode of %s", new String(frame.bytes(), US_ASCII))
            .isEqualTo(DecodeResult.DEPTH);
        assertThat(decoder.messageCount()).isEqualTo(frame.messages());
        assertThat(decoder.connectionSequence()).isEqualTo(frame.connectionSequence());
        for (int i = 0; i < frame.messages(); i++)
        {
            if (i > 0)
            {
                assertThat(decoder.decodeMessage(i, message)).isEqualTo(DecodeResult.DEPTH);
            }
            ring.publish(instrumentId, message, 0L);
        }
    }

    /** Asserts the engine's book equals the expected one level by level: price, quantity and decimals kept. */
    void assertBook(final VenueBook expected, final String where)
    {
        final OrderBook book = handler.book(instrumentId);
        assertThat(book.isCrossed()).as("%s: crossed", where).isFalse();
        assertSide(book.bids(), expected.levels(DepthMessage.BID), where + " bids");
        assertSide(book.asks(), expected.levels(DepthMessage.ASK), where + " asks");
    }

    private static void assertSide(final BookSide side, final List<VenueBook.Level> expected, final String where)
    {
        final List<VenueBook.Level> actual = new ArrayList<>();
        for (int i = 0; i < side.size(); i++)
        {
            actual.add(new VenueBook.Level(
                side.price(i), side.quantity(i), side.priceDecimals(i), side.quantityDecimals(i)));
        }
        assertThat(actual).as(where).isEqualTo(expected);
    }

    SyncState state()
    {
        return handler.state(instrumentId);
    }

    long updateId()
    {
        return handler.book(instrumentId).updateId();
    }

    boolean isEmpty()
    {
        final OrderBook book = handler.book(instrumentId);
        return book.bids().size() == 0 && book.asks().size() == 0;
    }

    int instrumentId()
    {
        return instrumentId;
    }

    List<Integer> snapshotRequests()
    {
        return snapshotRequests;
    }

    int bookUpdates()
    {
        return bookUpdates;
    }

    long count(final SystemCounter counter)
    {
        return counters.value(counter);
    }

    /** Every event consumed was applied, discarded or is held for a snapshot. */
    void assertAccounted()
    {
        assertThat(count(SystemCounter.EVENTS_APPLIED) + count(SystemCounter.EVENTS_DISCARDED) + handler.pendingEvents())
            .as("events accounted for").isEqualTo(count(SystemCounter.EVENTS_CONSUMED));
        assertThat(count(SystemCounter.HANDLER_ERRORS)).as("handler errors").isZero();
    }
}
