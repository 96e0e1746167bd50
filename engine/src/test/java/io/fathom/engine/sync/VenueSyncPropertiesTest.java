package io.fathom.engine.sync;

import io.fathom.codec.Venue;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.VenueFeed.Sent;
import io.fathom.engine.sync.VenueScripts.Script;
import io.fathom.engine.sync.VenueWire.Frame;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.List;

import static io.fathom.engine.sync.VenueScripts.feed;
import static io.fathom.engine.sync.VenueScripts.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every venue: a book driven by any generated evolution, sent as the venue sends it (its encoder, its
 * snapshot procedure, its sequence ids and checksums) and read as the engine reads it
 * ({@code FrameDecoder.forVenue}, an {@code InlineRing}, a {@code BookHandler} with {@link BookSync#forVenue}),
 * equals the venue's book level by level after every message, decimals included, and never crosses; every
 * checksum verifies. A Kraken book whose sides are too small for a message is invalidated, never left short.
 */
class VenueSyncPropertiesTest extends VenueScriptProperties
{
    @Property(tries = TRIES)
    void binanceSpotBookMatchesTheVenueAndNeverCrosses(@ForAll("scripts") final Script script)
    {
        followsTheVenue(Venue.BINANCE, script);
    }

    @Property(tries = TRIES)
    void binanceUsdmBookMatchesTheVenueAndNeverCrosses(@ForAll("scripts") final Script script)
    {
        followsTheVenue(Venue.BINANCE_USDM, script);
    }

    @Property(tries = TRIES)
    void binanceCoinmBookMatchesTheVenueAndNeverCrosses(@ForAll("scripts") final Script script)
    {
        followsTheVenue(Venue.BINANCE_COINM, script);
    }

    @Property(tries = TRIES)
    void krakenBookMatchesTheVenueAndNeverCrosses(@ForAll("krakenScripts") final Script script)
    {
        followsTheVenue(Venue.KRAKEN, script);
    }

    @Property(tries = TRIES)
    void krakenV1BookMatchesTheVenueAndNeverCrosses(@ForAll("scripts") final Script script)
    {
        followsTheVenue(Venue.KRAKEN_V1, script);
    }

    @Property(tries = TRIES)
    void okxBookMatchesTheVenueAndNeverCrosses(@ForAll("scripts") final Script script)
    {
        followsTheVenue(Venue.OKX, script);
    }

    @Property(tries = TRIES)
    void bitgetBookMatchesTheVenueAndNeverCrosses(@ForAll("scripts") final Script script)
    {
        followsTheVenue(Venue.BITGET, script);
    }

    @Property(tries = TRIES)
    void coinbaseBookMatchesTheVenueAndNeverCrosses(@ForAll("scripts") final Script script)
    {
        followsTheVenue(Venue.COINBASE, script);
    }

    @Property(tries = TRIES)
    void hyperliquidBookMatchesTheVenueAndNeverCrosses(@ForAll("scripts") final Script script)
    {
        followsTheVenue(Venue.HYPERLIQUID, script);
    }

    @Property(tries = TRIES)
    void krakenBookTooSmallForAMessageIsInvalidatedNeverWrong(@ForAll("krakenScripts") final Script script)
    {
        neverSilentlyShort(Venue.KRAKEN, script);
    }

    @Property(tries = TRIES)
    void krakenV1BookTooSmallForAMessageIsInvalidatedNeverWrong(@ForAll("scripts") final Script script)
    {
        neverSilentlyShort(Venue.KRAKEN_V1, script);
    }

    private static void followsTheVenue(final Venue venue, final Script script)
    {
        final VenueFeed feed = feed(venue, script);
        final SyncRun run = run(feed, script);
        final List<Sent> sent = feed.sent();
        int index = 0;
        int applied = 0;
        int checksummed = 0;
        for (final Frame frame : VenueWire.frames(feed, sent))
        {
            run.publish(frame);
            Sent last = null;
            for (int i = 0; i < frame.messages(); i++, index++)
            {
                last = sent.get(index);
                applied += last.applied() ? 1 : 0;
                checksummed += last.checksummed() ? 1 : 0;
            }
            final String where = "after message " + (index - 1);
            if (null == last.expected())
            {
                assertThat(run.state()).as(where).isEqualTo(SyncState.BUFFERING);
            }
            else
            {
                assertThat(run.state()).as(where).isEqualTo(SyncState.LIVE);
                run.assertBook(last.expected(), where);
                assertThat(run.updateId()).as(where + ": update id").isEqualTo(last.updateId());
            }
            assertThat(run.bookUpdates()).as(where + ": books shown to the listener").isEqualTo(applied);
            assertThat(run.count(SystemCounter.CHECKSUMS_VERIFIED)).as(where + ": checksums verified")
                .isEqualTo(checksummed);
        }

        assertThat(run.count(SystemCounter.GAPS)).as("gaps").isZero();
        assertThat(run.count(SystemCounter.CHECKSUM_FAILURES)).as("checksum failures").isZero();
        assertThat(run.count(SystemCounter.CROSSED_BOOKS)).as("crossed books").isZero();
        assertThat(run.count(SystemCounter.STALE_SNAPSHOTS)).as("stale snapshots").isZero();
        assertThat(run.count(SystemCounter.RESYNCS)).as("resyncs").isZero();
        assertThat(run.count(SystemCounter.LEVELS_BEYOND_CAPACITY)).as("levels beyond capacity").isZero();
        final List<Integer> requests = venue.restSnapshot() && !sent.isEmpty() ? List.of(run.instrumentId()) : List.of();
        assertThat(run.snapshotRequests()).as("snapshot requests").isEqualTo(requests);
        if (sent.isEmpty())
        {
            assertThat(run.state()).isEqualTo(SyncState.IDLE);
        }
        run.assertAccounted();
    }

    /**
     * With sides only as deep as Kraken's depth, a message that adds a level before removing another makes the
     * book drop a level it needs again: the book must then be invalidated and resynced, never stay live
     * without it (the checksum covers only the top 10 levels).
     */
    private static void neverSilentlyShort(final Venue venue, final Script script)
    {
        final VenueFeed feed = feed(venue, script);
        final SyncRun run = run(feed, script, feed.depth());
        final List<Sent> sent = feed.sent();
        final List<Frame> frames = VenueWire.frames(feed, sent);
        boolean invalidated = false;
        for (int i = 0; i < frames.size(); i++)
        {
            run.publish(frames.get(i));
            final String where = "after message " + i;
            if (run.state() == SyncState.LIVE)
            {
                assertThat(invalidated).as(where + ": live again without a snapshot").isFalse();
                run.assertBook(sent.get(i).expected(), where);
            }
            else
            {
                invalidated = true;
                assertThat(run.isEmpty()).as(where + ": book cleared").isTrue();
                assertThat(run.snapshotRequests()).as(where + ": resync requests").containsExactly(run.instrumentId());
            }
        }
        assertThat(run.count(SystemCounter.CHECKSUM_FAILURES)).as("checksum failures").isZero();
        assertThat(run.count(SystemCounter.CROSSED_BOOKS)).as("crossed books").isZero();
        run.assertAccounted();
    }
}
