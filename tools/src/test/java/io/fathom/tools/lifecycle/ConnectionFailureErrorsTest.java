package io.fathom.tools.lifecycle;

import com.sun.net.httpserver.HttpServer;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.feed.Transport;
import io.fathom.engine.status.CountersFileReader;
import io.fathom.engine.status.SystemCounter;
import io.fathom.testing.Await;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import io.fathom.tools.ChildCli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator whose engine cannot reach its venue sees why in {@code fathom errors} from the first failed attempt,
 * not only once the attempts are exhausted minutes later. The backoff is set far beyond the test, so exactly one
 * attempt per connection is made.
 */
class ConnectionFailureErrorsTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRefusedConnectionIsListedFromItsFirstAttempt(final Transport transport) throws Exception
    {
        final int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            port = probe.getLocalPort();
        }
        final String url = "ws://127.0.0.1:" + port;

        final List<String> errors = firstAttemptErrors(transport, url);

        assertThat(errors).anyMatch(text -> text.contains("connection to " + url + " failed") &&
            text.contains("ConnectException"));
        final List<String> printed = ChildCli.run(List.of("errors", "--dir", dir.resolve("run").toString()));
        assertThat(printed).anyMatch(line -> line.contains("connection to " + url + " failed"));
        assertThat(printed.get(printed.size() - 1)).as("two connections, one distinct cause").isEqualTo("1 distinct errors");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRefusedHandshakeIsListedWithItsStatus(final Transport transport) throws Exception
    {
        final HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange ->
        {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try
        {
            final String url = "ws://127.0.0.1:" + server.getAddress().getPort();

            final List<String> errors = firstAttemptErrors(transport, url);

            assertThat(errors).anyMatch(text -> text.contains("connection to " + url + " failed") && text.contains("404"));
        }
        finally
        {
            server.stop(0);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anOpenConnectionTheVenueDropsIsListed(final Transport transport) throws Exception
    {
        final File runDir = dir.resolve("run").toFile();
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(2).ratePerSecond(200).seed(5).wsPort(0).restPort(0));
             Engine engine = Engine.launch(new EngineContext()
                 .transport(transport)
                 .symbols(simulator.symbols())
                 .url(simulator.wsUrl())
                 .restUrl(simulator.restUrl())
                 .snapshotRatePerSecond(100)
                 .backoffBase(Duration.ofMinutes(5)).backoffCap(Duration.ofMinutes(5))
                 .pingInterval(Duration.ofSeconds(1))
                 .shutdownTimeout(Duration.ofSeconds(3))
                 .runDir(runDir)
                 .journalDir(dir.resolve("journal").toFile())))
        {
            Await.until(() -> engine.booksLive() == 2, Duration.ofSeconds(30), "both books live");
            assertThat(readErrors(runDir)).as("nothing failed yet").isEmpty();

            simulator.faults().dropAllConnections();
            Await.until(() -> engine.feedsByState()[FeedState.BACKOFF.ordinal()] == 2, Duration.ofSeconds(20),
                "the feeds waiting to reconnect");

            assertThat(readErrors(runDir)).as("errors after the venue dropped the connection")
                .anyMatch(text -> text.contains("connection to " + simulator.wsUrl() + " lost: connection closed, code 1006"));
        }
    }

    private static List<String> readErrors(final File runDir)
    {
        final List<String> errors = new ArrayList<>();
        try (CountersFileReader reader = new CountersFileReader(runDir))
        {
            reader.readErrors((count, first, last, text) -> errors.add(text));
        }
        return errors;
    }

    /** Launches an engine of two connections against {@code url}, waits for both first attempts to fail, and stops it. */
    private List<String> firstAttemptErrors(final Transport transport, final String url) throws Exception
    {
        final File runDir = dir.resolve("run").toFile();
        final EngineContext context = new EngineContext()
            .transport(transport)
            .symbols(List.of("S0", "S1"))
            .url(url)
            .restUrl(url.replace("ws://", "http://"))
            .streamsPerConnection(1)
            .backoffBase(Duration.ofMinutes(5)).backoffCap(Duration.ofMinutes(5))
            .shutdownTimeout(Duration.ofSeconds(3))
            .runDir(runDir)
            .journalDir(dir.resolve("journal").toFile());
        try (Engine engine = Engine.launch(context))
        {
            Await.until(() -> engine.feedsByState()[FeedState.BACKOFF.ordinal()] == 2, Duration.ofSeconds(20),
                "both first attempts failed");
            assertThat(engine.counters().value(SystemCounter.RECONNECTS)).as("no second attempt yet").isZero();
            return readErrors(runDir);
        }
    }
}
