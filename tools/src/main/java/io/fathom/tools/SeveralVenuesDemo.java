package io.fathom.tools;

import io.fathom.codec.Venue;
import io.fathom.codec.instrument.InstrumentScales;
import io.fathom.engine.EngineContext;
import io.fathom.engine.feed.VenueFeed;
import io.fathom.tools.cli.EngineSession;
import io.fathom.tools.sim.SimSymbols;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.agrona.CloseHelper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code demo --venues A,B}: a simulator per venue, each on free loopback ports, and one engine holding every
 * venue's books. The first venue is the engine's first venue group; the rate is shared between the simulators.
 */
final class SeveralVenuesDemo
{
    /** What the simulator's Kraken instruments carry, before a simulator has started to say so. */
    private static final int KRAKEN_PRICE_PRECISION = 2;
    private static final int KRAKEN_QUANTITY_PRECISION = 8;

    private final DemoCommand demo;

    SeveralVenuesDemo(final DemoCommand demo)
    {
        this.demo = demo;
    }

    int run()
    {
        if (demo.spec.commandLine().getParseResult().hasMatchedOption("--venue"))
        {
            throw new IllegalArgumentException("--venue and --venues cannot be combined: name every venue in --venues");
        }
        final List<Venue> protocols = heldVenues(protocols());
        final long ratePerVenue =
            demo.rate == SimulatorConfig.RATE_MAX ? SimulatorConfig.RATE_MAX : Math.max(1, demo.rate / protocols.size());
        final List<SimulatorConfig> configs = new ArrayList<>(protocols.size());
        final List<List<String>> names = new ArrayList<>(protocols.size());
        final List<String> placeholders = new ArrayList<>(protocols.size());
        for (int i = 0; i < protocols.size(); i++)
        {
            final SimulatorConfig config = new SimulatorConfig().venue(protocols.get(i)).symbolCount(demo.symbols)
                .ratePerSecond(ratePerVenue).seed(demo.seed + i).wsPort(0).restPort(0).faultSchedule(demo.faults)
                .mixedPrecision(true);
            config.validate();
            configs.add(config);
            names.add(SimSymbols.forVenue(protocols.get(i), demo.symbols).names());
            placeholders.add("127.0.0.1:" + (i + 1));
        }
        // Every option is checked before a simulator binds a port or starts a thread; their URLs are known after.
        engineContext(protocols, names, placeholders, placeholders, List.of()).conclude();
        final EngineSession session = new EngineSession(System.out);
        final List<Simulator> simulators = new ArrayList<>(protocols.size());
        final Runnable closeSimulators = () -> CloseHelper.quietCloseAll(simulators);
        final EngineContext context;
        try
        {
            for (final SimulatorConfig config : configs)
            {
                final Simulator simulator = Simulator.start(config);
                simulators.add(simulator);
                System.out.println("simulator: venue=" + config.venue() + " ws=" + simulator.wsUrl() + " rest=" +
                    simulator.restUrl() + " symbols=" + demo.symbols + " rate=" + SimulatorConfig.rateText(ratePerVenue) +
                    " seed=" + config.seed());
            }
            final List<String> wsUrls = new ArrayList<>();
            final List<String> restUrls = new ArrayList<>();
            final List<List<String>> held = new ArrayList<>();
            for (final Simulator simulator : simulators)
            {
                wsUrls.add(simulator.wsUrl().substring("ws://".length()));
                restUrls.add(simulator.restUrl().substring("http://".length()));
                held.add(simulator.symbols());
            }
            context = engineContext(protocols, held, wsUrls, restUrls, simulators).conclude();
        }
        catch (final RuntimeException ex)
        {
            closeSimulators.run();
            throw session.abort(ex);
        }
        return session.run(context, demo.engineOptions, closeSimulators);
    }

    private List<Venue> protocols()
    {
        final Set<Venue> protocols = new LinkedHashSet<>();
        for (final String name : demo.venues)
        {
            final Venue protocol = Venue.find(name.trim().toLowerCase(Locale.ROOT));
            if (protocol == null)
            {
                throw new IllegalArgumentException("--venues must name venues among: " + Venue.ids() + " (got '" + name + "')");
            }
            if (!protocols.add(protocol))
            {
                throw new IllegalArgumentException("--venues names " + protocol.id() + " twice");
            }
        }
        if (protocols.isEmpty())
        {
            throw new IllegalArgumentException("--venues must name at least one venue");
        }
        return new ArrayList<>(protocols);
    }

    /** The venues {@code --shard} holds symbols of (all without it); a simulator runs for each of those alone. */
    private List<Venue> heldVenues(final List<Venue> protocols)
    {
        if (demo.engineOptions.shard == null)
        {
            return protocols;
        }
        final List<Venue> held = new ArrayList<>(protocols.size());
        for (final Venue protocol : protocols)
        {
            if (demo.engineOptions.shard.filter(protocol.id(), SimSymbols.forVenue(protocol, demo.symbols).names()).isEmpty())
            {
                System.out.println("shard " + demo.engineOptions.shard + " holds none of " + protocol.id() + "'s " + demo.symbols +
                    " symbols: " + protocol.id() + " left out");
            }
            else
            {
                held.add(protocol);
            }
        }
        if (held.isEmpty())
        {
            throw new IllegalArgumentException("--shard " + demo.engineOptions.shard + " holds none of the symbols of " +
                protocols.size() + " venues");
        }
        return held;
    }

    /**
     * The first venue as the context's own, the others as its feeds; Kraken v2's instruments at their simulator's
     * precision, which its checksums need.
     *
     * @param simulators the simulators started, or none while the options are only checked.
     */
    private EngineContext engineContext(
        final List<Venue> protocols,
        final List<List<String>> symbols,
        final List<String> wsHosts,
        final List<String> restHosts,
        final List<Simulator> simulators)
    {
        final EngineContext context = demo.engineContext(protocols.get(0), symbols.get(0), "ws://" + wsHosts.get(0),
            "http://" + restHosts.get(0), simulators.isEmpty() ? KRAKEN_PRICE_PRECISION : simulators.get(0).pricePrecision(),
            simulators.isEmpty() ? KRAKEN_QUANTITY_PRECISION : simulators.get(0).quantityPrecision());
        final List<VenueFeed> feeds = new ArrayList<>();
        for (int i = 1; i < protocols.size(); i++)
        {
            feeds.add(new VenueFeed(protocols.get(i).id(), demo.engineOptions.shardOf(protocols.get(i).id(), symbols.get(i)))
                .url("ws://" + wsHosts.get(i))
                .restUrl("http://" + restHosts.get(i)));
        }
        context.feeds(feeds);
        if (!demo.spec.commandLine().getParseResult().hasMatchedOption("--price-scale"))
        {
            final List<InstrumentScales> instruments = new ArrayList<>(context.instruments());
            for (int i = 0; i < protocols.size(); i++)
            {
                if (protocols.get(i) == Venue.KRAKEN && i > 0)
                {
                    final int price = simulators.isEmpty() ? KRAKEN_PRICE_PRECISION : simulators.get(i).pricePrecision();
                    final int quantity = simulators.isEmpty() ? KRAKEN_QUANTITY_PRECISION : simulators.get(i).quantityPrecision();
                    for (final String symbol : symbols.get(i))
                    {
                        instruments.add(new InstrumentScales(symbol, price, quantity));
                    }
                }
            }
            context.instruments(instruments);
        }
        return context;
    }
}
