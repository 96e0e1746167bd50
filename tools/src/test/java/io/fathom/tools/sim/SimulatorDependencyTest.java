package io.fathom.tools.sim;

import io.fathom.codec.Venue;
import io.fathom.codec.binance.BinanceMarket;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An application that takes fathom-tools only for the simulator has neither picocli nor a logging
 * binding on its class path (both are optional dependencies): the simulator must start, serve and
 * stop without them.
 */
class SimulatorDependencyTest
{
    private static final List<String> LEFT_OUT = List.of("picocli", "slf4j-simple", "test-classes");

    @Test
    void startsServesAndStopsWithoutPicocliOrALoggingBinding() throws Exception
    {
        try (URLClassLoader loader = new URLClassLoader(classPathWithout(LEFT_OUT), ClassLoader.getPlatformClassLoader()))
        {
            assertThatThrownBy(() -> loader.loadClass("picocli.CommandLine")).isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> loader.loadClass("org.slf4j.simple.SimpleLogger")).isInstanceOf(ClassNotFoundException.class);

            final Class<?> configClass = loader.loadClass(SimulatorConfig.class.getName());
            final Object config = configClass.getConstructor().newInstance();
            configClass.getMethod("symbolCount", int.class).invoke(config, 2);
            configClass.getMethod("ratePerSecond", long.class).invoke(config, 100L);
            configClass.getMethod("wsPort", int.class).invoke(config, 0);
            configClass.getMethod("restPort", int.class).invoke(config, 0);
            final Class<?> simulatorClass = loader.loadClass(Simulator.class.getName());
            assertThat(simulatorClass.getClassLoader()).isSameAs(loader);

            final AutoCloseable simulator = (AutoCloseable)simulatorClass.getMethod("start", configClass).invoke(null, config);
            try
            {
                final String restUrl = (String)simulatorClass.getMethod("restUrl").invoke(simulator);
                final String symbol = (String)simulatorClass.getMethod("symbol", int.class).invoke(simulator, 0);
                final URI depth = URI.create(
                    restUrl + BinanceMarket.forVenue(Venue.BINANCE).depthPath() + "?symbol=" + symbol + "&limit=10");
                final HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(depth).GET().build(), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(response.body()).contains("\"bids\"");
            }
            finally
            {
                simulator.close();
            }
        }
    }

    private static URL[] classPathWithout(final List<String> leftOut) throws MalformedURLException
    {
        final List<URL> urls = new ArrayList<>();
        for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator))
        {
            if (leftOut.stream().noneMatch(entry::contains))
            {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(new URL[0]);
    }
}
