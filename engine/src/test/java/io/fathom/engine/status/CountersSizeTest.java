package io.fathom.engine.status;

import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountersSizeTest
{
    @TempDir
    Path dir;

    @Test
    void fileForTwentyThousandFeedsHoldsEveryFeedAndConnectionCounter()
    {
        final int feeds = 20_000;
        final int connections = CountersSize.connectionsFor(feeds, 50, 1);
        final List<String> symbols = new ArrayList<>(feeds);
        for (int i = 0; i < feeds; i++)
        {
            symbols.add("SYM" + i);
        }
        try (EngineCounters counters = new EngineCounters(dir.toFile(), CountersSize.forFeeds(feeds, connections)))
        {
            final FeedCounters feedCounters = new FeedCounters(counters, "binance", symbols);
            feedCounters.onMessage(feeds - 1, 42L);
            for (int c = 0; c < connections; c++)
            {
                counters.newCounter(CountersFile.CONNECTION_STATE_TYPE, "binance:connection-" + c + " state");
                counters.newCounter(CountersFile.CONNECTION_MESSAGES_TYPE, "binance:connection-" + c + " messages");
                counters.newCounter(CountersFile.CONNECTION_RECONNECTS_TYPE, "binance:connection-" + c + " reconnects");
            }

            assertThat(counters.value(SystemCounter.COUNTERS_NOT_IN_FILE)).isZero();
            assertThat(countersInFile(dir.toFile())).isEqualTo(
                SystemCounter.idCount() + feeds * CountersSize.COUNTERS_PER_FEED + connections * CountersSize.COUNTERS_PER_CONNECTION);
            assertThat(feedCounters.lastMessageEpochNs(feeds - 1)).isEqualTo(42L);
        }
    }

    @Test
    void connectionsAllowForAPartialConnectionPerGroupAndARelaunchOverlap()
    {
        assertThat(CountersSize.connectionsFor(10_000, 50, 1)).isEqualTo(2 * (200 + 1));
        assertThat(CountersSize.connectionsFor(1, 1024, 3)).isEqualTo(2 * (1 + 3));
    }

    @Test
    void moreFeedsThanOneMappedFileCanHoldIsRefusedSayingHowManyFit()
    {
        assertThatThrownBy(() -> CountersSize.forFeeds(1_000_000, CountersSize.connectionsFor(1_000_000, 50, 1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("1000000 feeds")
            .hasMessageContaining("run fewer symbols per engine");
        assertThat(CountersSize.forFeeds(100_000, CountersSize.connectionsFor(100_000, 1, 1)).fileLength())
            .as("100,000 feeds fit even at one stream per connection").isLessThanOrEqualTo(CountersSize.MAX_FILE_LENGTH);
    }

    @Test
    void aFullFileStillHandsOutCountersAndSaysHowManyAreOutsideIt()
    {
        final CountersSize tiny = new CountersSize(SystemCounter.idCount() + 1, 1024 * 1024);
        try (EngineCounters counters = new EngineCounters(dir.toFile(), tiny))
        {
            final AtomicCounter inFile = counters.newCounter(CountersFile.FEED_STATE_TYPE, "binance:SYM0 state");
            final AtomicCounter outside = counters.newCounter(CountersFile.FEED_STATE_TYPE, "binance:SYM1 state");
            outside.increment();

            assertThat(inFile.id()).isEqualTo(SystemCounter.idCount());
            assertThat(outside.get()).isEqualTo(1);
            assertThat(counters.value(SystemCounter.COUNTERS_NOT_IN_FILE)).isEqualTo(1);
            assertThat(countersInFile(dir.toFile())).isEqualTo(SystemCounter.idCount() + 1);
        }
    }

    private static int countersInFile(final File runDir)
    {
        try (CountersFileReader reader = new CountersFileReader(runDir))
        {
            final int[] count = new int[1];
            reader.counters().forEach((value, id, label) -> count[0]++);
            return count[0];
        }
    }
}
