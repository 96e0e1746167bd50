package io.fathom.tools.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.fathom.tools.sim.SimTestSupport.QueueingClient;
import static io.fathom.tools.sim.SimTestSupport.await;
import static io.fathom.tools.sim.SimTestSupport.elapse;
import static io.fathom.tools.sim.SimTestSupport.get;
import static io.fathom.tools.sim.SimTestSupport.parseFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pacing, backpressure, pause and shutdown over loopback. Bounds on rates are deliberately loose. */
class SimulatorLifecycleTest
{
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
    void paceRoughlyFollowsTheRateAndSpreadsSymbolsEvenly() throws Exception
    {
        final Simulator simulator = start(new SimulatorConfig().symbolCount(4).ratePerSecond(400));
        final QueueingClient client = connect(simulator.wsUrl() +
            "/stream?streams=sym0@depth@100ms/sym1@depth@100ms/sym2@depth@100ms/sym3@depth@100ms");
        parseFrame(client.next());

        final long startNs = System.nanoTime();
        final long startCount = simulator.depthMessagesGenerated();
        elapse(1_500);
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        final double ratePerSecond = (simulator.depthMessagesGenerated() - startCount) / seconds;
        assertThat(ratePerSecond).isBetween(200.0, 800.0);

        final Map<String, Integer> perStream = new HashMap<>();
        for (final String message : drain(client))
        {
            perStream.merge(parseFrame(message).stream, 1, Integer::sum);
        }
        assertThat(perStream).hasSize(4);
        final int min = perStream.values().stream().min(Integer::compare).orElseThrow();
        final int max = perStream.values().stream().max(Integer::compare).orElseThrow();
        assertThat(max - min).as(perStream.toString()).isLessThanOrEqualTo(2);
    }

    @Test
    void pauseStopsGenerationAndResumeRestartsIt() throws Exception
    {
        final Simulator simulator = start(new SimulatorConfig().symbolCount(2).ratePerSecond(2_000));
        final QueueingClient client = connect(simulator.wsUrl() + "/stream?streams=sym0@depth@100ms");
        parseFrame(client.next());

        simulator.pause();
        final long generated = simulator.depthMessagesGenerated();
        final long sent = simulator.framesSent();
        await("every sent frame received", () -> client.messages.size() + 1 == sent);
        elapse(300);
        assertThat(simulator.depthMessagesGenerated()).isEqualTo(generated);
        assertThat(simulator.framesSent()).isEqualTo(sent);
        assertThat(client.messages.size() + 1).isEqualTo(sent);

        simulator.resume();
        await("generation to resume", () -> simulator.depthMessagesGenerated() > generated + 10);
        await("frames to resume", () -> client.messages.size() + 1 > sent);
    }

    @Test
    void maxRateWaitsForASubscriberThatDoesNotRead() throws Exception
    {
        final Simulator simulator = start(new SimulatorConfig().symbolCount(1).ratePerSecond(SimulatorConfig.RATE_MAX));
        final Socket stalled = stalledClient(simulator, "/stream?streams=sym0@depth@100ms", true);
        await("generation to stall behind the stalled reader", () ->
        {
            final long before = simulator.depthMessagesGenerated();
            elapse(200);
            return before > 0 && simulator.depthMessagesGenerated() == before;
        });
        final HttpClient http = HttpClient.newHttpClient();
        assertThat(get(http, simulator.restUrl() + "/api/v3/depth?symbol=SYM0").statusCode()).isEqualTo(200);

        stalled.close();
        await("the stalled connection to go", () -> simulator.connectionsOpen() == 0);
        final QueueingClient reader = connect(simulator.wsUrl() + "/ws/sym0@depth@100ms");
        await("a reading client to be served at full speed", () -> reader.messages.size() >= 5_000);
    }

    @Test
    void dropsASlowConsumerAtAFixedRate() throws Exception
    {
        final Simulator simulator = start(new SimulatorConfig().symbolCount(1).ratePerSecond(50_000)
            .highWatermarkFrames(16).maxQueuedFrames(256));
        stalledClient(simulator, "/ws/sym0@depth@100ms", false);
        await("the slow consumer to be dropped", () -> simulator.slowConsumersDropped() == 1);
        await("its connection to close", () -> simulator.connectionsOpen() == 0 && simulator.subscriptions() == 0);
    }

    @Test
    void closeReleasesPortsStopsThreadsAndIsIdempotent() throws Exception
    {
        final Set<Thread> threadsBefore = liveThreads();
        final Simulator simulator = Simulator.start(new SimulatorConfig().symbolCount(2).ratePerSecond(1_000));
        final QueueingClient client = QueueingClient.connect(simulator.wsUrl() + "/stream?streams=sym1@depth@100ms");
        parseFrame(client.next());
        final int wsPort = simulator.wsPort();
        final int restPort = simulator.restPort();
        assertThat(simulator.wsUrl()).isEqualTo("ws://127.0.0.1:" + wsPort);
        assertThat(simulator.restUrl()).isEqualTo("http://127.0.0.1:" + restPort);

        simulator.close();
        simulator.close();
        await("the client to see the close", () -> client.closeCode != -1);
        client.closeBlocking();

        try (Simulator again = Simulator.start(new SimulatorConfig().wsPort(wsPort).restPort(restPort)))
        {
            assertThat(again.wsPort()).isEqualTo(wsPort);
            assertThat(again.restPort()).isEqualTo(restPort);
        }
        await("no simulator thread left", () -> newNonDaemonThreads(threadsBefore).isEmpty());
    }

    @Test
    void failedStartReleasesWhatItBound() throws Exception
    {
        final Set<Thread> threadsBefore = liveThreads();
        final int wsPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()))
        {
            wsPort = probe.getLocalPort();
        }
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()))
        {
            assertThatThrownBy(() -> Simulator.start(new SimulatorConfig().wsPort(wsPort).restPort(taken.getLocalPort())))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("REST port");
            assertThatThrownBy(() -> Simulator.start(new SimulatorConfig().wsPort(taken.getLocalPort())))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("WebSocket port");
        }
        try (ServerSocket rebound = new ServerSocket())
        {
            rebound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wsPort));
        }
        assertThatThrownBy(() -> Simulator.start(new SimulatorConfig().symbolCount(0)))
            .isInstanceOf(IllegalArgumentException.class);
        await("no simulator thread left", () -> newNonDaemonThreads(threadsBefore).isEmpty());
    }

    private Simulator start(final SimulatorConfig config)
    {
        final Simulator simulator = Simulator.start(config);
        resources.add(simulator);
        return simulator;
    }

    private QueueingClient connect(final String url) throws InterruptedException
    {
        final QueueingClient client = QueueingClient.connect(url);
        resources.add(client::closeBlocking);
        return client;
    }

    /**
     * A client that sends the upgrade request, optionally reads the 101 response, then never reads: its
     * socket buffers fill. Not reading the response suits a test where the drop may come before it.
     */
    private Socket stalledClient(final Simulator simulator, final String path, final boolean readResponse)
        throws IOException
    {
        final Socket socket = new Socket();
        resources.add(socket);
        socket.setReceiveBufferSize(4_096);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), simulator.wsPort()), 10_000);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\n" +
            "Host: 127.0.0.1:" + simulator.wsPort() + "\r\n" +
            "Upgrade: websocket\r\n" +
            "Connection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" +
            "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        if (!readResponse)
        {
            return socket;
        }
        final InputStream in = socket.getInputStream();
        final ByteArrayOutputStream header = new ByteArrayOutputStream();
        while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n"))
        {
            final int b = in.read();
            assertThat(b).isNotNegative();
            header.write(b);
        }
        assertThat(header.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
        return socket;
    }

    private static List<String> drain(final QueueingClient client)
    {
        final List<String> messages = new ArrayList<>();
        client.messages.drainTo(messages);
        return messages;
    }

    private static Set<Thread> liveThreads()
    {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    private static Set<String> newNonDaemonThreads(final Set<Thread> before)
    {
        return Thread.getAllStackTraces().keySet().stream()
            .filter((thread) -> thread.isAlive() && !thread.isDaemon() && !before.contains(thread))
            .map(Thread::getName)
            .collect(Collectors.toSet());
    }
}
