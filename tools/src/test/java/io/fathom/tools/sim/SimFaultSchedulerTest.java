package io.fathom.tools.sim;

import org.java_websocket.framing.CloseFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.fathom.tools.sim.SimTestSupport.await;
import static io.fathom.tools.sim.SimTestSupport.elapse;
import static org.assertj.core.api.Assertions.assertThat;

/** A schedule given in the config runs on the simulator's own fault thread and reports each action. */
class SimFaultSchedulerTest
{
    private static final Pattern LINE = Pattern.compile("fault: (\\S+) at (\\d+\\.\\d)s(.*)");

    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private Simulator simulator;
    private SimFaultClient client;

    @AfterEach
    void tearDown() throws InterruptedException
    {
        SimTestSupport.close(client, simulator);
    }

    @Test
    void runsEachFaultAtItsTimeFromStartAndReportsIt() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(1).ratePerSecond(1_000)
            .faultSchedule(SimFaultSchedule.parse("drop-all@1500ms,gap@0s:2"))
            .faultLog(lines::add));
        client = SimFaultClient.connect(simulator.wsUrl() + "/ws/sym0@depth@100ms");

        final Matcher gap = next();
        assertThat(gap.group(1)).isEqualTo("gap:2");
        assertThat(Double.parseDouble(gap.group(2))).isLessThan(1.0);
        assertThat(gap.group(3)).isEmpty();

        final Matcher drop = next();
        assertThat(drop.group(1)).isEqualTo("drop-all");
        assertThat(Double.parseDouble(drop.group(2))).isGreaterThanOrEqualTo(1.5);
        assertThat(drop.group(3)).isEqualTo(" (1 connection)");
        await("the client to be dropped", () -> client.closeCode == CloseFrame.ABNORMAL_CLOSE);
        assertThat(simulator.faults().faultsInjected()).as("two diffs skipped, one connection dropped").isEqualTo(3);
    }

    @Test
    void repeatsTheListEveryPeriodUntilTheSimulatorCloses() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(1).ratePerSecond(100)
            .faultSchedule(SimFaultSchedule.parse("drop-one@0s,clear@50ms,every=100ms"))
            .faultLog(lines::add));

        final List<Matcher> fired = new ArrayList<>();
        for (int i = 0; i < 6; i++)
        {
            fired.add(next());
        }
        for (int i = 0; i < fired.size(); i++)
        {
            assertThat(fired.get(i).group(1)).isEqualTo(i % 2 == 0 ? "drop-one" : "clear");
            assertThat(fired.get(i).group(3)).isEqualTo(i % 2 == 0 ? " (none open)" : "");
        }
        assertThat(Double.parseDouble(fired.get(4).group(2))).as("third round").isGreaterThanOrEqualTo(0.2);
        assertThat(faultThreads()).isOne();

        simulator.close();
        await("the fault thread to end", () -> faultThreads() == 0);
        lines.clear();
        elapse(250);
        assertThat(lines).as("nothing fires after close").isEmpty();
    }

    @Test
    void startsNoFaultThreadWithoutASchedule()
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(1).ratePerSecond(100));
        simulator.faults().malformedFrames(1);
        assertThat(faultThreads()).isZero();
    }

    private Matcher next() throws InterruptedException
    {
        final String line = lines.poll(SimTestSupport.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(line).as("a fault line").isNotNull();
        final Matcher matcher = LINE.matcher(line);
        assertThat(matcher.matches()).as(line).isTrue();
        return matcher;
    }

    private static long faultThreads()
    {
        return Thread.getAllStackTraces().keySet().stream()
            .filter((thread) -> thread.isAlive() && "fathom-sim-faults".equals(thread.getName()))
            .count();
    }
}
