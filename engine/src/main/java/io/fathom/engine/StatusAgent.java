package io.fathom.engine;

import io.fathom.engine.status.EngineCounters;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;

/**
 * The engine's status thread: a heartbeat and the ring's fill and handler lag in the counters file
 * every 100 ms (so a reader can tell a live engine from a dead one, and a falling-behind one), and
 * a latency interval every second.
 */
final class StatusAgent implements Agent
{
    private static final long HEARTBEAT_INTERVAL_MS = 100;
    private static final long LATENCY_INTERVAL_MS = 1000;

    private final EngineCounters counters;
    private final LatencyTracker latency;
    private final EpochClock clock;
    private final Runnable sampleRing;
    private long nextHeartbeatMs;
    private long nextLatencyMs;

    /** @param sampleRing updates the ring's fill and handler-lag gauges; run with each heartbeat. */
    StatusAgent(final EngineCounters counters, final LatencyTracker latency, final EpochClock clock, final Runnable sampleRing)
    {
        this.counters = counters;
        this.sampleRing = sampleRing;
        this.latency = latency;
        this.clock = clock;
        final long nowMs = clock.time();
        this.nextHeartbeatMs = nowMs;
        this.nextLatencyMs = nowMs + LATENCY_INTERVAL_MS;
    }

    @Override
    public int doWork()
    {
        final long nowMs = clock.time();
        int work = 0;
        if (nowMs >= nextHeartbeatMs)
        {
            nextHeartbeatMs = nowMs + HEARTBEAT_INTERVAL_MS;
            counters.heartbeat(nowMs);
            sampleRing.run();
            work++;
        }
        if (nowMs >= nextLatencyMs)
        {
            nextLatencyMs += LATENCY_INTERVAL_MS;
            latency.sample();
            work++;
        }
        return work;
    }

    @Override
    public String roleName()
    {
        return "fathom-status";
    }
}
