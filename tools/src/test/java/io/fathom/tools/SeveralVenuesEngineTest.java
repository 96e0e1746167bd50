package io.fathom.tools;

import io.fathom.codec.Venue;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.ShutdownReport;
import io.fathom.engine.feed.VenueFeed;
import io.fathom.engine.journal.JournalReader;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.view.BookView;
import io.fathom.engine.view.TopOfBook;
import io.fathom.testing.Await;
import io.fathom.tools.replay.JournalVerifier;
import io.fathom.tools.replay.JournalWalker;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One engine holds Binance spot, Hyperliquid and OKX, each against a simulator of its own: every book of every
 * venue syncs through its venue's rule with its venue's scales, the same symbol on Binance and Hyperliquid is two books told apart by
 * {@code bookView(venue, symbol)}, the single-venue form refuses the ambiguous symbol naming both venues, and the
 * journal names each instrument's venue and rebuilds without a difference.
 */
class SeveralVenuesEngineTest
{
    private static final int SYMBOLS = 4;

    @TempDir
    Path dir;

    @Test
    void holdsBooksOfThreeVenuesInOneEngine()
    {
        final String shared;
        try (Simulator spot = simulator(Venue.BINANCE, 11);
            Simulator hyperliquid = simulator(Venue.HYPERLIQUID, 12);
            Simulator okx = simulator(Venue.OKX, 13))
        {
            final EngineContext context = new EngineContext()
                .venue("binance").symbols(spot.symbols()).url(spot.wsUrl()).restUrl(spot.restUrl())
                .feed(new VenueFeed("hyperliquid", hyperliquid.symbols()).url(hyperliquid.wsUrl()))
                .feed(new VenueFeed("okx", okx.symbols()).url(okx.wsUrl()))
                .instrumentMetadata(true)
                .snapshotRatePerSecond(1_000).connectRatePerSecond(100)
                .runDir(dir.resolve("run").toFile()).journalDir(dir.resolve("journal").toFile());
            final Engine engine = Engine.launch(context);
            final ShutdownReport report;
            try
            {
                assertThat(engine.bookCount()).isEqualTo(3 * SYMBOLS);
                Await.until(() -> engine.booksLive() == 3 * SYMBOLS, Await.DEFAULT_TIMEOUT, () -> "every book of every venue live: " +
                    engine.booksLive() + " of " + 3 * SYMBOLS);

                shared = spot.symbol(0);
                assertThat(hyperliquid.symbol(0)).isEqualTo(shared);
                final BookView spotView = engine.bookView("binance", shared);
                final BookView hyperliquidView = engine.bookView("HYPERLIQUID", shared.toLowerCase(Locale.ROOT));
                assertThat(spotView.instrumentId()).isNotEqualTo(hyperliquidView.instrumentId());
                assertThat(engine.instruments().venue(spotView.instrumentId())).isEqualTo("binance");
                assertThat(engine.instruments().venue(hyperliquidView.instrumentId())).isEqualTo("hyperliquid");
                final int pepe = engine.bookView("binance", spot.symbol(1)).instrumentId();
                final int hyperliquidPepe = engine.bookView("hyperliquid", spot.symbol(1)).instrumentId();
                assertThat(engine.instruments().scales().priceScale(pepe)).as("10-decimal prices from exchangeInfo").isEqualTo(10);
                assertThat(engine.instruments().scales().priceScale(hyperliquidPepe)).as("the same symbol's own scale on another venue")
                    .isEqualTo(8);
                final BookView okxView = engine.bookView("okx", okx.symbol(1));
                assertThat(engine.bookView(okx.symbol(1))).isSameAs(okxView);
                final TopOfBook top = new TopOfBook();
                for (final BookView view : List.of(spotView, hyperliquidView, okxView))
                {
                    Await.until(() -> view.read(top) && top.hasBid() && top.hasAsk(), "a valid book " + view.symbol());
                    assertThat(top.bidPriceMantissa()).isLessThan(top.askPriceMantissa());
                }

                assertThatThrownBy(() -> engine.bookView(shared)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(shared).hasMessageContaining("binance and hyperliquid");
                assertThatThrownBy(() -> engine.bookView("kraken", shared)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown venue: kraken");
                assertThatThrownBy(() -> engine.bookView("okx", "NOPE-USDT")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown symbol: NOPE-USDT on venue okx");
                assertThatThrownBy(() -> engine.feedState(shared)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("binance and hyperliquid");
                assertThat(engine.feedState(okx.symbol(0)).name()).isEqualTo("LIVE");

                final long applied = engine.counters().value(SystemCounter.EVENTS_APPLIED);
                Await.until(() -> engine.counters().value(SystemCounter.EVENTS_APPLIED) > applied + 300, "updates flowing");
            }
            finally
            {
                report = engine.shutdown();
            }

            assertThat(report.clean()).as("shutdown: %s", report.failures()).isTrue();
            assertThat(engine.counters().value(SystemCounter.DECODE_ERRORS)).isZero();
            assertThat(engine.counters().value(SystemCounter.UNREPRESENTABLE_VALUES)).isZero();
            assertThat(engine.counters().value(SystemCounter.CROSSED_BOOKS)).isZero();

            final List<String> instruments = new ArrayList<>();
            final JournalVerifier verifier = new JournalVerifier();
            try (JournalReader reader = new JournalReader(dir.resolve("journal").toFile()))
            {
                reader.readAll(new JournalWalker().add(verifier).add(new JournalWalker.Listener()
                {
                    @Override
                    public void onSessionStart(final SessionRecords.SessionStart start, final boolean newSession, final long index)
                    {
                        start.instruments().forEach(i -> instruments.add(i.id() + " " + i.venue() + ":" + i.symbol()));
                    }
                }));
            }
            assertThat(instruments).hasSize(3 * SYMBOLS)
                .contains("0 binance:" + shared, SYMBOLS + " hyperliquid:" + shared,
                    2 * SYMBOLS + " okx:" + okx.symbol(0).toUpperCase(Locale.ROOT));
            assertThat(verifier.differences()).as("journal rebuilt against its snapshots").isEmpty();
            assertThat(verifier.snapshotsCompared()).isGreaterThanOrEqualTo(3 * SYMBOLS);
        }
    }

    private static Simulator simulator(final Venue venue, final long seed)
    {
        return Simulator.start(new SimulatorConfig().venue(venue).symbolCount(SYMBOLS).ratePerSecond(400).seed(seed)
            .mixedPrecision(true).wsPort(0).restPort(0));
    }
}
