package io.fathom.tools.lifecycle;

import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.feed.FeedListener;
import io.fathom.engine.feed.FeedState;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** A simulator and an engine against it on loopback, with the feed transitions the engine reported. */
final class EngineHarness implements AutoCloseable
{
    /** One transition as a feed listener saw it. */
    record Transition(String symbol, FeedState from, FeedState to, String cause, long nanoTime)
    {
    }

    final Simulator simulator;
    final List<String> symbols = new ArrayList<>();
    final List<Transition> transitions = new CopyOnWriteArrayList<>();
    final FeedListener recorder = (symbol, from, to, cause, epochNs) ->
        transitions.add(new Transition(symbol, from, to, cause, System.nanoTime()));
    Engine engine;

    EngineHarness(final int symbolCount, final long ratePerSecond)
    {
        simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(symbolCount).ratePerSecond(ratePerSecond).seed(11).wsPort(0).restPort(0));
        symbols.addAll(simulator.symbols());
    }

    /** A context pointed at the simulator, with test-friendly limits; the caller adjusts and launches. */
    EngineContext config(final Path dir)
    {
        return new EngineContext()
            .symbols(symbols)
            .url(simulator.wsUrl())
            .restUrl(simulator.restUrl())
            .snapshotRatePerSecond(2_000)
            .connectRatePerSecond(200)
            .connectBurst(20)
            .backoffBase(Duration.ofMillis(20)).backoffCap(Duration.ofMillis(500))
            .feedListener(recorder)
            .runDir(dir.resolve("run").toFile())
            .journalDir(dir.resolve("journal").toFile());
    }

    Engine launch(final EngineContext context)
    {
        engine = Engine.launch(context);
        return engine;
    }

    int feeds(final FeedState state)
    {
        return engine.feedsByState()[state.ordinal()];
    }

    static void await(final BooleanSupplier condition, final Duration timeout, final String what)
    {
        io.fathom.testing.Await.until(condition, timeout, what);
    }

    static void await(final BooleanSupplier condition, final Duration timeout, final Supplier<String> what)
    {
        io.fathom.testing.Await.until(condition, timeout, what);
    }

    /** When each connection attempt started, as the engine reported it (one CONNECTING per feed per attempt). */
    long[] connectAttemptNanos()
    {
        return transitions.stream().filter(t -> t.to() == FeedState.CONNECTING).mapToLong(Transition::nanoTime).toArray();
    }

    /** The symbols the listener saw go from {@code from} (any state when null) to {@code to} at or after {@code sinceNanos}. */
    Set<String> symbolsThatWent(final FeedState from, final FeedState to, final long sinceNanos)
    {
        final Set<String> symbols = new HashSet<>();
        for (final Transition t : transitions)
        {
            if (t.nanoTime() >= sinceNanos && t.to() == to && (from == null || t.from() == from))
            {
                symbols.add(t.symbol());
            }
        }
        return symbols;
    }

    /**
     * Per symbol, when the listener saw it LIVE again after it first left LIVE at or after {@code sinceNanos};
     * symbols that did not leave LIVE, or have not come back, are absent.
     */
    Map<String, Long> backLiveNanos(final long sinceNanos)
    {
        final Map<String, Long> left = new HashMap<>();
        final Map<String, Long> back = new HashMap<>();
        for (final Transition t : transitions)
        {
            if (t.nanoTime() < sinceNanos || back.containsKey(t.symbol()))
            {
                continue;
            }
            if (t.from() == FeedState.LIVE && t.to() != FeedState.LIVE)
            {
                left.putIfAbsent(t.symbol(), t.nanoTime());
            }
            else if (t.to() == FeedState.LIVE && left.containsKey(t.symbol()))
            {
                back.put(t.symbol(), t.nanoTime());
            }
        }
        return back;
    }

    /** For a timeout's message: up to five symbols not back LIVE since {@code sinceNanos}, each with its last transitions. */
    String notBackLive(final long sinceNanos)
    {
        final Map<String, Long> back = backLiveNanos(sinceNanos);
        final StringBuilder out = new StringBuilder();
        symbols.stream().filter(symbol -> !back.containsKey(symbol)).limit(5).forEach(symbol ->
        {
            final List<Transition> mine = transitions.stream().filter(t -> t.symbol().equals(symbol)).toList();
            out.append("\n  ").append(symbol).append(" now ").append(engine.feedState(symbol)).append(", last transitions:");
            for (final Transition t : mine.subList(Math.max(0, mine.size() - 4), mine.size()))
            {
                out.append(' ').append(t.from()).append("->").append(t.to()).append(" (").append(t.cause())
                    .append(", ").append((t.nanoTime() - sinceNanos) / 1_000_000).append(" ms)");
            }
        });
        return (symbols.size() - back.size()) + " not back:" + out;
    }

    /** The most events stamped in any window of the given length. */
    static int maxInWindow(final long[] timesNanos, final long fromNanos, final Duration window)
    {
        final long windowNs = window.toNanos();
        int best = 0;
        int start = 0;
        final long[] times = java.util.Arrays.stream(timesNanos).filter(t -> t >= fromNanos).sorted().toArray();
        for (int end = 0; end < times.length; end++)
        {
            while (times[end] - times[start] >= windowNs)
            {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    @Override
    public void close()
    {
        try
        {
            if (engine != null)
            {
                engine.close();
            }
        }
        finally
        {
            simulator.close();
        }
    }
}
