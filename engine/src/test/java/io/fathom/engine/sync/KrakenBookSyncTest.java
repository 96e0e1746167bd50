package io.fathom.engine.sync;

import io.fathom.engine.handler.HandlerSettings;
import io.fathom.engine.handler.BookCollaborators;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.engine.book.BookSide;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.ring.InlineRing;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.fathom.codec.DepthMessage.ASK;
import static io.fathom.codec.DepthMessage.BID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kraken cuts the book to the subscribed depth after each message and sends no removal for levels pushed out
 * of it, so a message that adds a level before removing another needs the book to hold more than the depth in
 * between. Here the depth is 10 and one update adds bid 211 above ten bids, then removes bid 205.
 */
class KrakenBookSyncTest
{
    private static final int DEPTH = 10;

    @TempDir
    Path runDir;

    private EngineCounters counters;
    private final List<Integer> resyncRequests = new ArrayList<>();

    @AfterEach
    void closeCounters()
    {
        counters.close();
    }

    @Test
    void keepsALevelPushedBeyondDepthUntilTheMessageIsCut()
    {
        final BookHandler handler = syncedBook(2 * DEPTH);

        assertThat(handler.state(0)).isEqualTo(SyncState.LIVE);
        final BookSide bids = handler.book(0).bids();
        final List<Long> prices = new ArrayList<>();
        for (int i = 0; i < bids.size(); i++)
        {
            prices.add(bids.price(i));
        }
        assertThat(prices).containsExactly(211L, 210L, 209L, 208L, 207L, 206L, 204L, 203L, 202L, 201L);
    }

    @Test
    void invalidatesABookThatLostALevelWithinDepthToAFullSide()
    {
        final BookHandler handler = syncedBook(DEPTH);

        assertThat(handler.state(0)).as("bid 201 was dropped when 211 came, and is within depth once 205 went")
            .isEqualTo(SyncState.IDLE);
        assertThat(handler.book(0).bids().size()).isZero();
        assertThat(resyncRequests).containsExactly(0);
        assertThat(counters.value(SystemCounter.CHECKSUM_FAILURES)).isZero();
    }

    /** A snapshot of bids 210..201 and asks 212..221, then an update adding bid 211 and removing bid 205. */
    private BookHandler syncedBook(final int capacityPerSide)
    {
        counters = new EngineCounters(runDir.toFile());
        final BookHandler handler = new BookHandler(
            HandlerSettings.of(1, capacityPerSide).withPendingMaxLevels(1 << 10).withScales(0, 0),
            BookSync.forVenue(Venue.KRAKEN_V1, DEPTH), BookCollaborators.of(counters).withRequester(resyncRequests::add));
        final InlineRing ring = new InlineRing(4, counters.get(SystemCounter.EVENTS_PUBLISHED), List.of(handler));

        final DepthMessage snapshot = new DepthMessage(2 * DEPTH).kind(DepthMessage.KIND_SNAPSHOT);
        for (int i = 0; i < DEPTH; i++)
        {
            snapshot.addLevel(BID, 210 - i, 1);
            snapshot.addLevel(ASK, 212 + i, 1);
        }
        ring.publish(0, snapshot, 0L);
        final DepthMessage update = new DepthMessage(2).kind(DepthMessage.KIND_DELTA);
        update.addLevel(BID, 211, 1);
        update.addLevel(BID, 205, 0);
        ring.publish(0, update, 0L);
        return handler;
    }
}
