package io.fathom.tools.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimDiffObserverTest
{
    private record Diff(int symbolIndex, long firstUpdateId, long lastUpdateId, long dueNs)
    {
    }

    @Test
    void reportsEveryDiffWithItsScheduledSendTime()
    {
        final List<Diff> diffs = new ArrayList<>();
        final int wanted = 20;
        final long rate = 2_000;
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(3).ratePerSecond(rate).seed(5)
            .diffObserver((symbol, first, last, due) ->
            {
                synchronized (diffs)
                {
                    diffs.add(new Diff(symbol, first, last, due));
                }
            })))
        {
            SimTestSupport.await("diffs observed", () ->
            {
                synchronized (diffs)
                {
                    return diffs.size() >= wanted;
                }
            });
            assertThat(simulator.symbolCount()).isEqualTo(3);
        }

        final List<Diff> seen;
        synchronized (diffs)
        {
            seen = new ArrayList<>(diffs.subList(0, wanted));
        }
        final long intervalNs = 1_000_000_000L / rate;
        final long[] lastIds = new long[3];
        for (int k = 0; k < wanted; k++)
        {
            final Diff diff = seen.get(k);
            assertThat(diff.symbolIndex()).isEqualTo(k % 3);
            assertThat(diff.dueNs() - seen.get(0).dueNs()).isEqualTo(k * intervalNs);
            assertThat(diff.lastUpdateId()).isGreaterThanOrEqualTo(diff.firstUpdateId());
            if (lastIds[diff.symbolIndex()] != 0)
            {
                assertThat(diff.firstUpdateId()).isEqualTo(lastIds[diff.symbolIndex()] + 1);
            }
            lastIds[diff.symbolIndex()] = diff.lastUpdateId();
        }
    }
}
