package io.fathom.tools.lifecycle;

import io.fathom.engine.EngineContext;
import io.fathom.engine.feed.FeedGroup;
import io.fathom.engine.feed.FeedGroupException;
import io.fathom.engine.feed.FeedGroupPolicy;
import io.fathom.engine.feed.FeedGroupSpec;
import io.fathom.engine.feed.FeedState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Feed groups under injected failures: a symbol the venue refuses fails its feed for good; an
 * ISOLATE group records it and goes on, a FAIL_FAST group cancels the siblings and fails with
 * every cause, each naming its feed.
 */
class FeedGroupTest
{
    @TempDir
    Path dir;

    @Test
    void isolateGroupRecordsTheFailureAndTheOthersGoOn() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(4, 400))
        {
            final List<String> symbols = withUnknown(harness.symbols);
            harness.launch(groupConfig(harness, symbols, FeedGroupPolicy.ISOLATE, Duration.ZERO));

            final FeedGroup group = harness.engine.feedGroup("g");
            group.started().get(30, TimeUnit.SECONDS);

            assertThat(group.failures()).hasSize(1);
            assertThat(group.failures().get(0).symbol()).isEqualTo("NOPE");
            assertThat(group.failures().get(0).cause()).contains("gave up after 2 attempts");
            assertThat(harness.engine.feedState("NOPE")).isEqualTo(FeedState.FAILED);
            for (final String symbol : harness.symbols)
            {
                assertThat(harness.engine.feedState(symbol)).as(symbol).isEqualTo(FeedState.LIVE);
            }
        }
    }

    @Test
    void failFastGroupCancelsTheSiblingsAndCarriesEveryCause() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(4, 400))
        {
            final List<String> symbols = withUnknown(harness.symbols);
            harness.launch(groupConfig(harness, symbols, FeedGroupPolicy.FAIL_FAST, Duration.ZERO));

            final FeedGroup group = harness.engine.feedGroup("g");
            assertThatThrownBy(() -> group.started().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(FeedGroupException.class);
            final FeedGroupException failure = causeOf(group);
            assertThat(failure.failures()).extracting(FeedGroupException.FeedFailure::symbol).containsExactly("NOPE");
            assertThat(failure.getSuppressed()).hasSize(1);
            assertThat(failure.getSuppressed()[0]).hasMessageContaining("NOPE").hasMessageContaining("gave up");

            assertThatThrownBy(() -> group.closed().get(30, TimeUnit.SECONDS)).cause().isInstanceOf(FeedGroupException.class);
            for (final String symbol : harness.symbols)
            {
                assertThat(harness.engine.feedState(symbol)).as(symbol).isEqualTo(FeedState.CLOSED);
            }
            assertThat(harness.transitions)
                .filteredOn(t -> t.to() == FeedState.CLOSED)
                .allMatch(t -> t.cause().contains("fail-fast group 'g'"));
            EngineHarness.await(() -> harness.simulator.connectionsOpen() == 0, Duration.ofSeconds(10),
                "every connection of the failed group closed");
        }
    }

    @Test
    void failFastGroupFailsWhenNotLiveByItsStartDeadline() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(3, 300))
        {
            harness.simulator.faults().slowRest(Duration.ofSeconds(3));
            harness.launch(groupConfig(harness, harness.symbols, FeedGroupPolicy.FAIL_FAST, Duration.ofMillis(500)));

            final FeedGroup group = harness.engine.feedGroup("g");
            assertThatThrownBy(() -> group.started().get(30, TimeUnit.SECONDS)).cause().isInstanceOf(FeedGroupException.class);
            final FeedGroupException failure = causeOf(group);
            assertThat(failure.failures()).extracting(FeedGroupException.FeedFailure::symbol)
                .containsExactlyInAnyOrderElementsOf(harness.symbols);
            assertThat(failure.failures()).allMatch(f -> f.cause().contains("not live within 500 ms"));
            harness.simulator.faults().clear();
        }
    }

    @Test
    void cancellingAGroupClosesItsFeedsAndCancelsItsStart() throws Exception
    {
        try (EngineHarness harness = new EngineHarness(3, 300))
        {
            harness.simulator.faults().slowRest(Duration.ofSeconds(5));
            harness.launch(groupConfig(harness, harness.symbols, FeedGroupPolicy.ISOLATE, Duration.ZERO));
            final FeedGroup group = harness.engine.feedGroup("g");
            EngineHarness.await(() -> harness.feeds(FeedState.SYNCING) == 3, Duration.ofSeconds(20), "feeds syncing");

            harness.engine.cancel("g").get(20, TimeUnit.SECONDS);

            assertThatThrownBy(() -> group.started().get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
            assertThat(harness.feeds(FeedState.CLOSED)).isEqualTo(3);
            EngineHarness.await(() -> harness.simulator.connectionsOpen() == 0, Duration.ofSeconds(10), "sockets released");
            harness.simulator.faults().clear();
        }
    }

    private static FeedGroupException causeOf(final FeedGroup group)
    {
        try
        {
            group.started().get(0, TimeUnit.SECONDS);
            throw new AssertionError("group did not fail");
        }
        catch (final ExecutionException ex)
        {
            return (FeedGroupException)ex.getCause();
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static List<String> withUnknown(final List<String> symbols)
    {
        final List<String> all = new ArrayList<>(symbols);
        all.add("NOPE");
        return all;
    }

    private EngineContext groupConfig(
        final EngineHarness harness, final List<String> symbols, final FeedGroupPolicy policy, final Duration deadline)
    {
        return harness.config(dir)
            .symbols(symbols)
            .streamsPerConnection(1)
            .maxConnectAttempts(2)
            .groups(List.of(new FeedGroupSpec("g", symbols, policy, deadline, true)));
    }
}
