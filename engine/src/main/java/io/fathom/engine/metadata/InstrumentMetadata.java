package io.fathom.engine.metadata;

import io.fathom.codec.instrument.InstrumentMetadataRequest;
import io.fathom.codec.instrument.InstrumentMetadataSource;
import io.fathom.codec.instrument.InstrumentScales;
import io.fathom.engine.feed.VenueEndpoints;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a venue's instrument metadata and merges it under the instruments given: the venue's
 * {@link io.fathom.codec.Venue#metadataSource()} names the requests under its REST base (Binance
 * {@code exchangeInfo}, Kraken {@code AssetPairs}, OKX {@code instruments}, Bitget {@code products}, Coinbase
 * {@code products}, Hyperliquid {@code meta}) and reads each held symbol's scales from the answers. Blocks the
 * calling thread for at most the timeout per request; allocates.
 */
public final class InstrumentMetadata
{
    private InstrumentMetadata()
    {
    }

    /**
     * What a fetch gave: the instruments to use (the given ones, then fetched ones for the other held symbols)
     * and, when a request failed, why.
     *
     * @param instruments the given entries first, then the fetched entries of held symbols not among them.
     * @param fetched     how many entries came from the venue.
     * @param failure     why a request failed, naming its URL; null when every request worked.
     */
    public record Outcome(List<InstrumentScales> instruments, int fetched, InstrumentMetadataException failure)
    {
    }

    /** Whether {@link #fetch} asks {@code endpoints}' venue for metadata: a venue with a source and a REST base. */
    public static boolean supports(final VenueEndpoints endpoints)
    {
        return endpoints.protocol().metadataSource() != null && endpoints.restBaseUrl() != null;
    }

    /** The URLs a venue {@link #supports} is asked, for the symbols held. */
    public static List<String> urls(final VenueEndpoints endpoints, final List<String> held)
    {
        final List<String> urls = new ArrayList<>();
        endpoints.protocol().metadataSource().requests(endpoints.restBaseUrl(), held).forEach(r -> urls.add(r.url()));
        return urls;
    }

    /**
     * Fetches and merges; never throws for what the venue does: a timeout, an HTTP error or a body that is not the
     * documented shape leaves that request's instruments to {@code given} and the run-wide scales, with the failure
     * in the outcome; what other requests of the venue gave is kept.
     *
     * @param given   the instruments given offline; they win over fetched ones.
     * @param held    the symbols the engine holds; fetched entries of other symbols are left out.
     * @param timeout bound on each request, connection included.
     */
    public static Outcome fetch(
        final VenueEndpoints endpoints, final List<InstrumentScales> given, final List<String> held, final Duration timeout)
    {
        final InstrumentMetadataSource source = endpoints.protocol().metadataSource();
        final Set<String> taken = new HashSet<>();
        given.forEach(instrument -> taken.add(instrument.key()));
        final Set<String> wanted = new HashSet<>();
        held.forEach(symbol -> wanted.add(symbol.toUpperCase(Locale.ROOT)));
        final List<InstrumentScales> merged = new ArrayList<>(given);
        InstrumentMetadataException failure = null;
        int added = 0;
        // one client, so one selector thread, for all of a venue's requests
        final HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        for (final InstrumentMetadataRequest request : source.requests(endpoints.restBaseUrl(), held))
        {
            final List<InstrumentScales> fetched;
            try
            {
                fetched = read(http, source, request, timeout);
            }
            catch (final InstrumentMetadataException e)
            {
                failure = failure == null ? e : failure;
                continue;
            }
            for (final InstrumentScales instrument : fetched)
            {
                if (wanted.contains(instrument.key()) && taken.add(instrument.key()))
                {
                    merged.add(instrument);
                    added++;
                }
            }
        }
        return new Outcome(merged, added, failure);
    }

    private static List<InstrumentScales> read(final HttpClient http, final InstrumentMetadataSource source,
        final InstrumentMetadataRequest request, final Duration timeout) throws InstrumentMetadataException
    {
        String url = request.url();
        HttpResponse<byte[]> answer = send(http, url, request.jsonBody(), timeout);
        if (answer.statusCode() == 400 && request.fallbackUrl() != null)
        {
            url = request.fallbackUrl();
            answer = send(http, url, null, timeout);
        }
        if (answer.statusCode() != 200)
        {
            throw new InstrumentMetadataException(url + ": HTTP " + answer.statusCode(), null);
        }
        try
        {
            return source.parse(url, answer.body());
        }
        catch (final IllegalArgumentException e)
        {
            throw new InstrumentMetadataException(e.getMessage(), e);
        }
    }

    private static HttpResponse<byte[]> send(
        final HttpClient http, final String url, final String jsonBody, final Duration timeout) throws InstrumentMetadataException
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        final HttpRequest request;
        try
        {
            final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
            request = jsonBody == null ? builder.GET().build() : builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build();
        }
        catch (final IllegalArgumentException e)
        {
            throw new InstrumentMetadataException(url + ": not a valid URL", e);
        }
        final CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try
        {
            return response.get(Math.max(0, deadlineNs - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (final TimeoutException e)
        {
            response.cancel(true);
            throw new InstrumentMetadataException(url + ": no answer within " + timeout.toMillis() + " ms", e);
        }
        catch (final ExecutionException e)
        {
            throw new InstrumentMetadataException(url + ": " + e.getCause(), e.getCause());
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            response.cancel(true);
            throw new InstrumentMetadataException(url + ": interrupted", e);
        }
    }
}
