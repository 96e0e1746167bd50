package io.fathom.tools;

import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;

import java.io.File;
import java.util.List;

/**
 * An application embedding the engine, as an integrator writes one: {@code simulator DIR} starts the
 * simulator and an engine against it, {@code engine DIR} launches an engine alone (against a port
 * nothing listens on). Prints {@code books valid} and exits 0 once every book is valid.
 */
public final class EmbeddedEngineMain
{
    private EmbeddedEngineMain()
    {
    }

    public static void main(final String[] args)
    {
        final File dir = new File(args[1]);
        if ("engine".equals(args[0]))
        {
            try (Engine engine = Engine.launch(config(List.of("SYM0"), "ws://127.0.0.1:1", "http://127.0.0.1:1", dir)))
            {
                System.out.println("launched " + engine.bookCount() + " books");
            }
            return;
        }
        try (Simulator simulator = Simulator.start(new SimulatorConfig().symbolCount(2).ratePerSecond(100).wsPort(0).restPort(0));
            Engine engine = Engine.launch(config(simulator.symbols(), simulator.wsUrl(), simulator.restUrl(), dir)))
        {
            io.fathom.testing.Await.until(() -> engine.booksLive() == engine.bookCount(), "every book valid");
            System.out.println("books valid");
        }
    }

    private static EngineContext config(final List<String> symbols, final String wsUrl, final String restUrl, final File dir)
    {
        return new EngineContext().symbols(symbols).url(wsUrl).restUrl(restUrl)
            .runDir(new File(dir, "run")).journalDir(new File(dir, "journal"));
    }
}
