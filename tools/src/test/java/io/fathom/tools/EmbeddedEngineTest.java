package io.fathom.tools;

import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.book.BookStateListener;
import io.fathom.testing.Await;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** An application embeds the engine with a context naming only the venue, its symbols and its endpoints. */
class EmbeddedEngineTest
{
    @TempDir
    Path dir;

    @Test
    void aContextOfVenueSymbolsAndEndpointsRunsTheEngineAndTellsItsListeners()
    {
        final Set<Integer> live = ConcurrentHashMap.newKeySet();
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(2).ratePerSecond(200).seed(11).wsPort(0).restPort(0)))
        {
            final EngineContext context = new EngineContext()
                .venue("binance").symbols("SYM0", "SYM1")
                .url(simulator.wsUrl()).restUrl(simulator.restUrl())
                .runDir(dir.resolve("run").toFile()).journalDir(dir.resolve("journal").toFile())
                .bookStateListener(new BookStateListener()
                {
                    @Override
                    public void onBookLive(final int instrumentId)
                    {
                        live.add(instrumentId);
                    }

                    @Override
                    public void onBookInvalid(final int instrumentId, final byte reason)
                    {
                        live.remove(instrumentId);
                    }
                });
            try (Engine engine = Engine.launch(context))
            {
                Await.until(() -> engine.booksLive() == 2 && live.size() == 2, "both books live, and told so");
                assertThat(engine.context().isConcluded()).isTrue();
                assertThat(engine.context().venueEndpoints().wsBaseUrl()).isEqualTo(simulator.wsUrl());
            }
        }
    }
}
