package io.fathom.tools.sim;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.binance.BinanceDepthDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.fathom.tools.sim.SimTestSupport.get;
import static io.fathom.tools.sim.SimTestSupport.parseObject;
import static org.assertj.core.api.Assertions.assertThat;

/** REST faults seen by the JDK HTTP client: delayed responses, 429 with Retry-After, request stamps. */
class SimFaultsRestTest
{
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Simulator simulator;

    @AfterEach
    void tearDown()
    {
        if (simulator != null)
        {
            simulator.close();
        }
    }

    @Test
    void slowRestDelaysEveryResponseUntilSetBackToZero() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(2).ratePerSecond(100));
        final long delayMs = 300;
        simulator.faults().slowRest(Duration.ofMillis(delayMs));

        for (final String path : List.of("/api/v3/depth?symbol=SYM1", "/api/v3/ping"))
        {
            final long startNs = System.nanoTime();
            assertThat(get(http, simulator.restUrl() + path).statusCode()).isEqualTo(200);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs)).as(path)
                .isGreaterThanOrEqualTo(delayMs);
        }
        assertThat(simulator.faults().faultsInjected()).isEqualTo(2);

        simulator.faults().slowRest(Duration.ZERO);
        assertThat(get(http, simulator.restUrl() + "/api/v3/depth?symbol=SYM0").statusCode()).isEqualTo(200);
        assertThat(simulator.faults().faultsInjected()).as("no delay after ZERO").isEqualTo(2);
    }

    @Test
    void delayedRequestsWaitSideBySideNotInLine() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(8).ratePerSecond(100));
        final Duration delay = Duration.ofSeconds(1);
        simulator.faults().slowRest(delay);

        final int requests = 8;
        final long startNs = System.nanoTime();
        final List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < requests; i++)
        {
            final URI uri = URI.create(simulator.restUrl() + "/api/v3/depth?symbol=SYM" + i);
            responses.add(http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()));
        }
        for (final CompletableFuture<HttpResponse<String>> response : responses)
        {
            assertThat(response.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
        assertThat(elapsedMs).as("served one after another would take " + requests * delay.toMillis() + " ms")
            .isBetween(delay.toMillis(), requests * delay.toMillis() / 2);
        assertThat(simulator.faults().restRequestTimesNanos()).hasSize(requests);
    }

    @Test
    void tooManyRequestsAnswers429WithRetryAfterThenServesAgain() throws Exception
    {
        simulator = Simulator.start(new SimulatorConfig().symbolCount(2).ratePerSecond(100));
        simulator.faults().rest429(2, 7);
        final long beforeNs = System.nanoTime();

        for (int i = 0; i < 2; i++)
        {
            final HttpResponse<String> response = get(http, simulator.restUrl() + "/api/v3/depth?symbol=SYM0&limit=10");
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
            final Map<?, ?> body = parseObject(response.body());
            assertThat(body.get("code").toString()).isEqualTo("-1003");
            assertThat((String)body.get("msg")).startsWith("Too many requests; ");
            assertThat(get(http, simulator.restUrl() + "/api/v3/ping").statusCode()).as("not a depth request")
                .isEqualTo(200);
        }

        final HttpResponse<String> response = get(http, simulator.restUrl() + "/api/v3/depth?symbol=SYM0&limit=10");
        assertThat(response.statusCode()).isEqualTo(200);
        final byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        final BinanceDepthDecoder decoder = new BinanceDepthDecoder(SimBook.SCALE, SimBook.SCALE);
        assertThat(decoder.decodeSnapshot(new UnsafeBuffer(body), 0, body.length, new DepthMessage(20)))
            .isEqualTo(DecodeResult.DEPTH);
        final long afterNs = System.nanoTime();

        final long[] stamps = simulator.faults().restRequestTimesNanos();
        assertThat(stamps).as("depth requests only, 429s included").hasSize(3);
        for (int i = 0; i < stamps.length; i++)
        {
            assertThat(stamps[i] - beforeNs).isNotNegative();
            assertThat(afterNs - stamps[i]).isNotNegative();
            assertThat(i == 0 ? 0 : stamps[i] - stamps[i - 1]).isNotNegative();
        }
        assertThat(simulator.faults().faultsInjected()).isEqualTo(2);
    }
}
