package io.fathom.tools.sim;

import org.java_websocket.framing.CloseFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.fathom.tools.sim.SimTestSupport.await;
import static io.fathom.tools.sim.SimTestSupport.elapse;
import static org.assertj.core.api.Assertions.assertThat;

/** Connection faults seen by real clients on loopback: abrupt drops, withheld pongs, handshake stamps. */
class SimFaultsConnectionTest
{
    private static final String STREAM = "/stream?streams=sym0@depth@100ms/sym1@depth@100ms";

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception
    {
        for (int i = resources.size() - 1; i >= 0; i--)
        {
            resources.get(i).close();
        }
    }

    @Test
    void dropAllCutsEveryConnectionAbruptlyAndClientsCanReconnect() throws Exception
    {
        final Simulator simulator = start();
        final List<SimFaultClient> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            clients.add(connect(simulator, i == 0 ? "/ws" : STREAM));
        }
        await("three connections", () -> simulator.connectionsOpen() == 3);

        simulator.faults().dropAllConnections();

        for (final SimFaultClient client : clients)
        {
            await("the client to see the drop", () -> client.closeCode != -1);
            assertThat(client.closeCode).isEqualTo(CloseFrame.ABNORMAL_CLOSE);
            assertThat(client.closedByRemote).isTrue();
            assertThat(client.closeFrameCode).as("close frame before the drop").isEqualTo(-1);
        }
        await("the server to forget them", () -> simulator.connectionsOpen() == 0 && simulator.subscriptions() == 0);
        assertThat(simulator.faults().faultsInjected()).isEqualTo(3);

        final SimFaultClient again = connect(simulator, STREAM);
        assertThat(again.nextDecoded(10)).hasSize(10);
        assertThat(simulator.connectionsOpen()).isEqualTo(1);

        simulator.close();
        await("the orderly close", () -> again.closeCode != -1);
        assertThat(again.closeFrameCode).as("a clean close does send a close frame").isEqualTo(CloseFrame.GOING_AWAY);
    }

    @Test
    void dropOneCutsTheOldestConnectionOnly() throws Exception
    {
        final Simulator simulator = start();
        final SimFaultClient oldest = connect(simulator, STREAM);
        await("the first connection", () -> simulator.connectionsOpen() == 1);
        final SimFaultClient newest = connect(simulator, STREAM);
        await("the second connection", () -> simulator.connectionsOpen() == 2);

        assertThat(simulator.faults().dropOneConnection()).isTrue();
        await("the oldest to be dropped", () -> oldest.closeCode != -1);
        assertThat(oldest.closeCode).isEqualTo(CloseFrame.ABNORMAL_CLOSE);
        assertThat(oldest.closedByRemote).isTrue();
        await("one connection left", () -> simulator.connectionsOpen() == 1);
        newest.messages.clear();
        assertThat(newest.nextDecoded(10)).hasSize(10);
        assertThat(newest.closeCode).isEqualTo(-1);

        assertThat(simulator.faults().dropOneConnection()).isTrue();
        await("the newest to be dropped", () -> newest.closeCode == CloseFrame.ABNORMAL_CLOSE);
        assertThat(simulator.faults().dropOneConnection()).isFalse();
        assertThat(simulator.faults().faultsInjected()).isEqualTo(2);
    }

    @Test
    void noPongWithholdsPongsForItsWindowOnly() throws Exception
    {
        final Simulator simulator = start();
        final SimFaults faults = simulator.faults();
        final SimFaultClient client = connect(simulator, "/ws");
        client.sendPing();
        await("a pong before the fault", () -> client.pongs.get() == 1);

        final long windowMs = 1_500;
        faults.stopAnsweringPings(Duration.ofMillis(windowMs));
        final long windowEndNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(windowMs);
        client.sendPing();
        await("the server to withhold the pong", () -> faults.faultsInjected() == 1);
        elapse(200);
        assertThat(client.pongs.get()).as("pongs during the window").isEqualTo(1);
        assertThat(client.isOpen()).isTrue();

        await("the window to end", () -> System.nanoTime() - windowEndNs > 0);
        client.sendPing();
        await("a pong after the window", () -> client.pongs.get() == 2);
        assertThat(faults.faultsInjected()).isEqualTo(1);
    }

    @Test
    void recordsEveryHandshakeIncludingRefusedOnes() throws Exception
    {
        final Simulator simulator = start();
        final long beforeNs = System.nanoTime();
        connect(simulator, STREAM);
        final SimFaultClient refused = new SimFaultClient(simulator.wsUrl() + "/ws/sym9@depth@100ms");
        assertThat(refused.connectBlocking(10, TimeUnit.SECONDS)).isFalse();
        connect(simulator, "/ws");
        final long afterNs = System.nanoTime();

        final long[] stamps = simulator.faults().handshakeTimesNanos();
        assertThat(stamps).hasSize(3);
        for (int i = 0; i < stamps.length; i++)
        {
            assertThat(stamps[i] - beforeNs).isNotNegative();
            assertThat(afterNs - stamps[i]).isNotNegative();
            if (i > 0)
            {
                assertThat(stamps[i] - stamps[i - 1]).isNotNegative();
            }
        }
        assertThat(simulator.faults().faultsInjected()).isZero();
    }

    private Simulator start()
    {
        final Simulator simulator = Simulator.start(new SimulatorConfig().symbolCount(2).ratePerSecond(1_000));
        resources.add(simulator);
        return simulator;
    }

    private SimFaultClient connect(final Simulator simulator, final String path) throws InterruptedException
    {
        final SimFaultClient client = SimFaultClient.connect(simulator.wsUrl() + path);
        resources.add(client::closeBlocking);
        return client;
    }
}
