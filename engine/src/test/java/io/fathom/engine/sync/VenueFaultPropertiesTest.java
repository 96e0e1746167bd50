package io.fathom.engine.sync;

import io.fathom.codec.Venue;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.VenueFeed.Sent;
import io.fathom.engine.sync.VenueScripts.Script;
import io.fathom.engine.sync.VenueWire.Frame;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.List;

import static io.fathom.engine.sync.VenueScripts.feed;
import static io.fathom.engine.sync.VenueScripts.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every venue with a checksum, a quantity corrupted in one generated message (its checksum left as the
 * venue computed it) is caught exactly once: the book is invalidated and a resync requested. For every
 * sequenced venue (Binance spot and futures, OKX), a lost message is caught as one gap, with a resync.
 */
class VenueFaultPropertiesTest extends VenueScriptProperties
{
    @Property(tries = TRIES)
    void krakenCatchesACorruptedQuantityOnceAndResyncs(@ForAll("krakenScripts") final Script script)
    {
        catchesCorruptedQuantity(Venue.KRAKEN, script);
    }

    @Property(tries = TRIES)
    void krakenV1CatchesACorruptedQuantityOnceAndResyncs(@ForAll("scripts") final Script script)
    {
        catchesCorruptedQuantity(Venue.KRAKEN_V1, script);
    }

    @Property(tries = TRIES)
    void okxCatchesACorruptedQuantityOnceAndResyncs(@ForAll("scripts") final Script script)
    {
        catchesCorruptedQuantity(Venue.OKX, script);
    }

    @Property(tries = TRIES)
    void bitgetCatchesACorruptedQuantityOnceAndResyncs(@ForAll("scripts") final Script script)
    {
        catchesCorruptedQuantity(Venue.BITGET, script);
    }

    @Property(tries = TRIES)
    void binanceSpotCatchesALostDiffAsAGapAndResyncs(@ForAll("scripts") final Script script)
    {
        catchesLostMessage(Venue.BINANCE, script);
    }

    @Property(tries = TRIES)
    void binanceUsdmCatchesALostDiffAsAGapAndResyncs(@ForAll("scripts") final Script script)
    {
        catchesLostMessage(Venue.BINANCE_USDM, script);
    }

    @Property(tries = TRIES)
    void binanceCoinmCatchesALostDiffAsAGapAndResyncs(@ForAll("scripts") final Script script)
    {
        catchesLostMessage(Venue.BINANCE_COINM, script);
    }

    @Property(tries = TRIES)
    void okxCatchesALostUpdateAsAGapAndResyncs(@ForAll("scripts") final Script script)
    {
        catchesLostMessage(Venue.OKX, script);
    }

    private static void catchesCorruptedQuantity(final Venue venue, final Script script)
    {
        final VenueFeed feed = feed(venue, script);
        final List<int[]> candidates = VenueFaults.corruptible(feed);
        Assume.that(!candidates.isEmpty());
        final int[] target = candidates.get(script.pick() % candidates.size());
        final int corrupted = target[0];
        final List<Sent> sent = new ArrayList<>(feed.sent());
        sent.set(corrupted, VenueFaults.corrupt(feed, sent.get(corrupted), target[1]));
        final SyncRun run = run(feed, script);
        int checksummedBefore = 0;
        final List<Frame> frames = VenueWire.frames(feed, sent);
        for (int i = 0; i < frames.size(); i++)
        {
            run.publish(frames.get(i));
            final String where = "after message " + i + " (message " + corrupted + " corrupted)";
            if (i < corrupted)
            {
                checksummedBefore += sent.get(i).checksummed() ? 1 : 0;
                assertThat(run.state()).as(where).isEqualTo(SyncState.LIVE);
                run.assertBook(sent.get(i).expected(), where);
            }
            else
            {
                assertThat(run.count(SystemCounter.CHECKSUM_FAILURES)).as(where + ": checksum failures").isEqualTo(1);
                assertThat(run.state()).as(where).isNotEqualTo(SyncState.LIVE);
                assertThat(run.isEmpty()).as(where + ": book cleared").isTrue();
                assertThat(run.snapshotRequests()).as(where + ": resync requests").containsExactly(run.instrumentId());
            }
        }
        assertThat(run.count(SystemCounter.CHECKSUMS_VERIFIED)).as("checksums verified").isEqualTo(checksummedBefore);
        assertThat(run.count(SystemCounter.GAPS)).as("gaps").isZero();
        assertThat(run.count(SystemCounter.CROSSED_BOOKS)).as("crossed books").isZero();
        run.assertAccounted();
    }

    private static void catchesLostMessage(final Venue venue, final Script script)
    {
        final VenueFeed feed = feed(venue, script);
        final List<Integer> candidates = VenueFaults.droppable(feed);
        Assume.that(!candidates.isEmpty());
        final int lost = candidates.get(script.pick() % candidates.size());
        final List<Sent> sent = new ArrayList<>(feed.sent());
        sent.remove(lost);
        final SyncRun run = run(feed, script);
        final List<Frame> frames = VenueWire.frames(feed, sent);
        for (int i = 0; i < frames.size(); i++)
        {
            run.publish(frames.get(i));
            if (i < lost)
            {
                assertThat(run.count(SystemCounter.GAPS)).as("gaps before the loss, message %d", i).isZero();
            }
        }
        final int id = run.instrumentId();
        assertThat(run.count(SystemCounter.GAPS)).as("gaps (message %d lost)", lost).isEqualTo(1);
        assertThat(run.state()).isNotEqualTo(SyncState.LIVE);
        assertThat(run.snapshotRequests()).as("snapshot requests")
            .isEqualTo(venue.restSnapshot() ? List.of(id, id) : List.of(id));
        assertThat(run.count(SystemCounter.CHECKSUM_FAILURES)).as("checksum failures").isZero();
        assertThat(run.count(SystemCounter.CROSSED_BOOKS)).as("crossed books").isZero();
        run.assertAccounted();
    }
}
