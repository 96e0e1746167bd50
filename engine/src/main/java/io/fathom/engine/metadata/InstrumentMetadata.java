package io.fathom.engine.metadata;

import io.fathom.codec.binance.BinanceMarket;
import io.fathom.codec.instrument.BinanceExchangeInfo;
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
 * Fetches a venue's instrument metadata once at start and merges it under the instruments given: for the Binance
 * venues, {@code GET <rest base>/api/v3/exchangeInfo} (spot), {@code /fapi/v1/exchangeInfo} (USD-M) or
 * {@code /dapi/v1/exchangeInfo} (COIN-M), each held symbol's scales from its tick and step sizes. For start-up:
 * blocks the calling thread for at most the timeout, allocates.
 */
public final class InstrumentMetadata
{
    private InstrumentMetadata()
    {
    }

    /**
     * What a fetch gave: the instruments to use (the given ones, then fetched ones for the other held symbols)
     * and, when it failed, why.
     *
     * @param instruments the given entries first, then the fetched entries of held symbols not among them.
     * @param fetched     how many entries came from the venue.
     * @param failure     why the fetch failed, naming the URL; null when it worked or was not attempted.
     */
    public record Outcome(List<InstrumentScales> instruments, int fetched, InstrumentMetadataException failure)
    {
    }

    /** Whether {@link #fetch} asks {@code endpoints}' venue for metadata: the Binance venues with a REST base. */
    public static boolean supports(final VenueEndpoints endpoints)
    {
        return BinanceMarket.forVenue(endpoints.protocol()) != null && endpoints.restBaseUrl() != null;
    }

    /** The metadata URL of a venue {@link #supports} covers. */
    public static String url(final VenueEndpoints endpoints)
    {
        final String depthPath = BinanceMarket.forVenue(endpoints.protocol()).depthPath();
        return endpoints.restBaseUrl() + depthPath.substring(0, depthPath.lastIndexOf('/') + 1) + "exchangeInfo";
    }

    /**
     * Fetches and merges; never throws for what the venue does: a timeout, an HTTP error or a body that is not an
     * {@code exchangeInfo} leaves {@code given} as it is, with the failure in the outcome.
     *
     * @param given   the instruments given offline; they win over fetched ones.
     * @param held    the symbols the engine holds; fetched entries of other symbols are left out.
     * @param timeout bound on the whole request, connection included.
     */
    public static Outcome fetch(
        final VenueEndpoints endpoints, final List<InstrumentScales> given, final List<String> held, final Duration timeout)
    {
        final String url = url(endpoints);
        final List<InstrumentScales> fetched;
        try
        {
            fetched = BinanceExchangeInfo.parse(url, get(url, timeout));
        }
        catch (final InstrumentMetadataException e)
        {
            return new Outcome(given, 0, e);
        }
        catch (final IllegalArgumentException e)
        {
            return new Outcome(given, 0, new InstrumentMetadataException(e.getMessage(), e));
        }
        final Set<String> taken = new HashSet<>();
        given.forEach(instrument -> taken.add(instrument.key()));
        final Set<String> wanted = new HashSet<>();
        held.forEach(symbol -> wanted.add(symbol.toUpperCase(Locale.ROOT)));
        final List<InstrumentScales> merged = new ArrayList<>(given);
        int added = 0;
        for (final InstrumentScales instrument : fetched)
        {
            if (wanted.contains(instrument.key()) && taken.add(instrument.key()))
            {
                merged.add(instrument);
                added++;
            }
        }
        return new Outcome(merged, added, null);
    }

    private static byte[] get(final String url, final Duration timeout) throws InstrumentMetadataException
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        final HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        final HttpRequest request;
        try
        {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        }
        catch (final IllegalArgumentException e)
        {
            throw new InstrumentMetadataException(url + ": not a valid URL", e);
        }
        final CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try
        {
            final HttpResponse<byte[]> answer = response.get(Math.max(0, deadlineNs - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (answer.statusCode() != 200)
            {
                throw new InstrumentMetadataException(url + ": HTTP " + answer.statusCode(), null);
            }
            return answer.body();
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
