package io.fathom.tools.status;

import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.testing.Await;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The Prometheus endpoint answers in the text exposition format, parsed here line by line. */
class MetricsEndpointTest
{
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|summary|histogram|untyped)");
    private static final Pattern SAMPLE = Pattern.compile(
        "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\")*)\\})? " +
        "(-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)");

    @TempDir
    Path dir;

    @Test
    void servesCountersFeedsAndLatencyInTheTextFormatOnLoopback() throws Exception
    {
        final int port;
        try (ServerSocket free = new ServerSocket(0))
        {
            port = free.getLocalPort();
        }
        try (Simulator simulator = Simulator.start(new SimulatorConfig().symbolCount(3).ratePerSecond(600).wsPort(0).restPort(0)))
        {
            final List<String> symbols = List.of(simulator.symbol(0), simulator.symbol(1), simulator.symbol(2));
            try (Engine engine = Engine.launch(new EngineContext().symbols(symbols)
                .url(simulator.wsUrl()).restUrl(simulator.restUrl()).snapshotRatePerSecond(100)
                .connectRatePerSecond(100).metricsPort(port).metricsPerFeed(true)
                .runDir(dir.resolve("run").toFile()).journalDir(dir.resolve("journal").toFile())))
            {
                Await.until(() -> engine.booksLive() == 3, Duration.ofSeconds(30), "every book live");
                final HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
                final Map<String, String> types = new HashMap<>();
                final List<String[]> samples = new ArrayList<>();
                for (final String line : response.body().split("\n"))
                {
                    final Matcher type = TYPE.matcher(line);
                    final Matcher sample = SAMPLE.matcher(line);
                    if (type.matches())
                    {
                        assertThat(types.put(type.group(1), type.group(2))).as("one TYPE line per metric").isNull();
                    }
                    else if (sample.matches())
                    {
                        samples.add(new String[]{ sample.group(1), sample.group(2) == null ? "" : sample.group(2), sample.group(5) });
                    }
                    else
                    {
                        throw new AssertionError("not exposition format: '" + line + "'");
                    }
                }
                for (final String[] sample : samples)
                {
                    final String family = sample[0].replaceAll("_(count|sum)$", "");
                    assertThat(types).as("TYPE before %s", sample[0]).containsKey(family);
                }
                assertThat(value(samples, "fathom_messages", "")).isPositive();
                assertThat(value(samples, "fathom_feed_messages", "{venue=\"binance\",symbol=\"SYM1\"}")).isPositive();
                assertThat(value(samples, "fathom_feed_state", "{venue=\"binance\",symbol=\"SYM2\"}")).isEqualTo(3.0);
                assertThat(value(samples, "fathom_feeds", "{state=\"live\"}")).isEqualTo(3.0);
                assertThat(samples).anyMatch(s -> s[0].equals("fathom_latency_applied_seconds") && s[1].contains("0.99"));
                assertThat(types.get("fathom_latency_applied_seconds")).isEqualTo("summary");
            }
        }
    }

    private static double value(final List<String[]> samples, final String name, final String labels)
    {
        return samples.stream().filter(s -> s[0].equals(name) && s[1].equals(labels)).mapToDouble(s -> Double.parseDouble(s[2]))
            .findFirst().orElseThrow(() -> new AssertionError("no sample " + name + labels));
    }
}
