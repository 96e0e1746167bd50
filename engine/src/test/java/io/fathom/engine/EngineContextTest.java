package io.fathom.engine;

import io.fathom.codec.Venue;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.journal.RetentionPolicy;
import io.fathom.engine.status.CountersSize;
import io.fathom.engine.view.ViewSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What {@link EngineContext#conclude()} fills in, and that each refusal names the setting refused. */
class EngineContextTest
{
    @TempDir
    Path dir;

    @Test
    void concludeAppliesTheDefaultsToEveryGroup()
    {
        final EngineContext context = context(Venue.BINANCE).conclude();

        assertThat(context.isConcluded()).isTrue();
        assertThat(context.venueEndpoints().venue()).isEqualTo("binance");
        assertThat(context.venueEndpoints().wsBaseUrl()).isEqualTo(Venue.BINANCE.wsUrl());
        assertThat(context.venueEndpoints().restBaseUrl()).isEqualTo(Venue.BINANCE.restUrl());
        assertThat(context.venueEndpoints().venueDepth()).isEqualTo(100);
        assertThat(context.ring().size()).isEqualTo(1 << 16);
        assertThat(context.ring().levelsPerEvent()).isEqualTo(32);
        assertThat(context.ring().fullWait()).isEqualTo(Duration.ofMillis(100));
        assertThat(context.books().capacityPerSide()).isEqualTo(2048);
        assertThat(context.books().pressureDepth()).isEqualTo(10);
        assertThat(context.viewDepth()).isEqualTo(ViewSettings.DEFAULT_DEPTH);
        assertThat(context.books().priceScale()).isEqualTo(8);
        assertThat(context.journal().retention()).isEqualTo(RetentionPolicy.NONE);
        assertThat(context.journal().snapshotInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(context.replay()).isNull();
        assertThat(context.feedLimits().streamsPerConnection()).isEqualTo(50);
        assertThat(context.feedLimits().connectRatePerSecond()).isEqualTo(1.0);
        assertThat(context.feedLimits().maxConnectionLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(context.webSockets().transport()).isEqualTo(Transport.JAVA_WEBSOCKET);
        assertThat(context.webSockets().captureFile()).isNull();
        assertThat(context.threading().profile()).isEqualTo(Profile.BALANCED);
        assertThat(context.threading().handlerCpus()).isEmpty();
        assertThat(context.feedGroups()).singleElement()
            .satisfies(group -> assertThat(group.symbols()).containsExactly("S0", "S1"));
    }

    @Test
    void theSettingsGivenReachTheirGroups()
    {
        final EngineContext context = context(Venue.BINANCE)
            .url("ws://127.0.0.1:9000/").restUrl("http://127.0.0.1:9001/")
            .ringSize(1 << 12).ringFullWait(Duration.ofMillis(5)).bookCapacityPerSide(64).pressureDepth(3)
            .streamsPerConnection(7).transport(Transport.JDK).profile(Profile.LOW_LATENCY).handlerCpus(List.of(1))
            .conclude();

        assertThat(context.venueEndpoints().wsBaseUrl()).as("trailing slash dropped").isEqualTo("ws://127.0.0.1:9000");
        assertThat(context.venueEndpoints().restBaseUrl()).isEqualTo("http://127.0.0.1:9001");
        assertThat(context.ring().size()).isEqualTo(1 << 12);
        assertThat(context.ring().fullWait()).isEqualTo(Duration.ofMillis(5));
        assertThat(context.books().capacityPerSide()).isEqualTo(64);
        assertThat(context.books().pressureDepth()).isEqualTo(3);
        assertThat(context.feedLimits().streamsPerConnection()).isEqualTo(7);
        assertThat(context.webSockets().transport()).isEqualTo(Transport.JDK);
        assertThat(context.threading().handlerCpus()).containsExactly(1);
    }

    @Test
    void groupsAreRefusedBeforeConclude()
    {
        final EngineContext context = context(Venue.BINANCE);

        assertThatThrownBy(context::ring).isInstanceOf(IllegalStateException.class).hasMessageContaining("conclude()");
        assertThatThrownBy(context::feedLimits).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRefusedConcludeLeavesTheContextNotConcluded()
    {
        final EngineContext context = context(Venue.BINANCE).conclude().ringSize(100);

        assertThatThrownBy(context::conclude).isInstanceOf(InvalidSettingException.class);
        assertThat(context.isConcluded()).isFalse();
        assertThatThrownBy(context::ring).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(Venue.class)
    void everyVenueConcludesWithItsOwnEndpoints(final Venue venue)
    {
        final EngineContext context = context(venue).conclude();

        assertThat(context.venueEndpoints().wsBaseUrl()).isEqualTo(venue.wsUrl());
        assertThat(context.venueEndpoints().restBaseUrl()).as("a REST base only where snapshots come over REST")
            .isEqualTo(venue.restSnapshot() ? venue.restUrl() : null);
    }

    @ParameterizedTest
    @EnumSource(Venue.class)
    void aRestUrlGivenIsCheckedWhateverTheVenue(final Venue venue)
    {
        assertThatThrownBy(() -> context(venue).restUrl("http://:99999").conclude())
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith("restUrl ");
    }

    static Stream<Arguments> refusals()
    {
        return Stream.of(
            refusal("venue", "must be one of:", c -> c.venue("nasdaq")),
            refusal("symbols", "must name at least one symbol", c -> c.symbols(List.of())),
            refusal("symbols", "must name each symbol once", c -> c.symbols("S0", "s0")),
            refusal("url", "must be a WebSocket URL", c -> c.url("http://127.0.0.1:9000")),
            refusal("url", "port must be 1..65535", c -> c.url("ws://127.0.0.1:70000")),
            refusal("streamsPerConnection", "must be 1..1024", c -> c.streamsPerConnection(0)),
            refusal("connectRatePerSecond", "must be in (0, 10000]", c -> c.connectRatePerSecond(Double.NaN)),
            refusal("connectBurst", "must be 1..10000", c -> c.connectBurst(10_001)),
            refusal("backoffCap", "must not be below backoffBase", c -> c.backoffCap(Duration.ofMillis(1))),
            refusal("staleAfter", "must be 0s (never) or 100ms..24h", c -> c.staleAfter(Duration.ofMillis(99))),
            refusal("syncTimeout", "must be 0s (never) or 100ms..1h", c -> c.syncTimeout(Duration.ofMillis(99))),
            refusal("syncTimeout", "must be 0s (never) or 100ms..1h", c -> c.syncTimeout(Duration.ofMinutes(61))),
            refusal("syncTimeout", "must be 0s (never) or 100ms..1h", c -> c.syncTimeout(null)),
            refusal("snapshotDepthLimit", "must be 1..5000", c -> c.snapshotDepthLimit(5001)),
            refusal("connectTimeout", "must be 100ms..10m", c -> c.connectTimeout(Duration.ofMinutes(11))),
            refusal("pingInterval", "must be 1s..10m", c -> c.pingInterval(Duration.ofMillis(10))),
            refusal("ringSize", "must be a power of two in 1024..16777216 (got 100)", c -> c.ringSize(100)),
            refusal("levelsPerEvent", "must be 1..1024", c -> c.levelsPerEvent(0)),
            refusal("ringFullWait", "must be 1ms..10s", c -> c.ringFullWait(Duration.ofSeconds(11))),
            refusal("bookCapacityPerSide", "must be 16..1000000", c -> c.bookCapacityPerSide(15)),
            refusal("pressureDepth", "must be 1..1000", c -> c.pressureDepth(1001)),
            refusal("viewDepth", "must be 1..65535", c -> c.viewDepth(0)),
            refusal("viewDepth", "must be 1..65535", c -> c.viewDepth(65_536)),
            refusal("priceScale", "must be 0..18", c -> c.priceScale(19)),
            refusal("journalSnapshotInterval", "must be 0s (never) or 100ms..24h",
                c -> c.journalSnapshotInterval(Duration.ofMillis(10))),
            refusal("shutdownTimeout", "must be 100ms..10m", c -> c.shutdownTimeout(Duration.ofMillis(99))),
            refusal("metricsPort", "must be 0 (off) or 1..65535", c -> c.metricsPort(65_536)),
            refusal("handlerCpus", "needs profile low-latency", c -> c.handlerCpus(List.of(0))),
            refusal("profile", "must be balanced, low-latency or shared-core", c -> c.profile(null)),
            refusal("venueDepth", "must be one of Kraken's depths", c -> c.venue("kraken").venueDepth(7)),
            refusal("bookListener", "must be set", c -> c.bookListener(null)),
            refusal("ioThreads", "must be 1..64", c -> c.ioThreads(0)),
            refusal("ioThreads", "must be 1..64", c -> c.ioThreads(65)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refusals")
    void aRefusalNamesTheSetting(final String setting, final String must, final UnaryOperator<EngineContext> change)
    {
        final InvalidSettingException refused = refusedBy(change.apply(context(Venue.BINANCE)));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.setting()).isEqualTo(setting);
        assertThat(refused.getMessage()).startsWith(setting + " ").contains(must);
        assertThat(refused.getMessage()).doesNotContain("--");
    }

    @Test
    void aReasonNamingAnotherSettingSaysWhichIt()
    {
        final InvalidSettingException refused = refusedBy(context(Venue.BINANCE).handlerCpus(List.of(0)));

        assertThat(refused.related()).containsExactly("profile");
    }

    @Test
    void aHundredThousandSymbolsAtOneStreamPerConnectionConcludeAndMoreAreRefusedNamingSymbols()
    {
        final List<String> symbols = new java.util.ArrayList<>();
        for (int i = 0; i <= 100_000; i++)
        {
            symbols.add("S" + i);
        }

        final InvalidSettingException refused = refusedBy(context(Venue.BINANCE).symbols(symbols));
        final EngineContext largest = context(Venue.BINANCE).symbols(symbols.subList(0, 100_000)).streamsPerConnection(1);

        assertThat(refused.setting()).isEqualTo("symbols");
        assertThat(largest.conclude().isConcluded()).isTrue();
        assertThat(ContextChecks.countersSize(largest).fileLength()).isLessThanOrEqualTo(CountersSize.MAX_FILE_LENGTH);
    }

    @Test
    void theJournalReplayedIsNotTheJournalWritten() throws Exception
    {
        final File journal = Files.createDirectories(dir.resolve("journal")).toFile();

        assertThatThrownBy(() -> context(Venue.BINANCE).replayJournal(journal).journalDir(journal).conclude())
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith("journalDir must not be the journal being replayed");
        assertThat(context(Venue.BINANCE).replayJournal(journal).conclude().replay().directory()).isEqualTo(journal);
    }

    @Test
    void aRunDirectoryThatIsAFileIsRefused() throws Exception
    {
        final File file = Files.writeString(dir.resolve("a-file"), "x").toFile();

        assertThatThrownBy(() -> context(Venue.BINANCE).runDir(file).conclude())
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageStartingWith("runDir must be a directory");
    }

    @Test
    void theSelectorTransportTakesAWssVenue()
    {
        final EngineContext selector = context(Venue.BINANCE).transport(Transport.SELECTOR).ioThreads(2).conclude();

        assertThat(Venue.BINANCE.wsUrl()).startsWith("wss://");
        assertThat(selector.selector().ioThreads()).isEqualTo(2);
        assertThat(selector.selector().tlsContext()).as("the JVM's default context, as the other transports use").isNull();
    }

    private static InvalidSettingException refusedBy(final EngineContext context)
    {
        final Throwable thrown = catchThrowable(context::conclude);
        assertThat(thrown).as("conclude() refused the context").isInstanceOf(InvalidSettingException.class);
        return (InvalidSettingException)thrown;
    }

    private static Arguments refusal(final String setting, final String must, final UnaryOperator<EngineContext> change)
    {
        return Arguments.of(setting, must, change);
    }

    private EngineContext context(final Venue venue)
    {
        return new EngineContext()
            .venue(venue.id())
            .symbols("S0", "S1")
            .runDir(dir.resolve("run").toFile())
            .journalDir(dir.resolve("journal-written").toFile());
    }
}
