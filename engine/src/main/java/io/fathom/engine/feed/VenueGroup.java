package io.fathom.engine.feed;

import io.fathom.codec.instrument.ScaleCatalogue;

import java.util.List;

/**
 * One venue's feeds as an engine holds them: where they connect, the symbols subscribed there and their scales. An
 * engine has one group per venue; the first is the context's {@code venue(..).symbols(..)}, the others its
 * {@code feed(..)}s.
 *
 * @param endpoints the venue, its protocol and its bases.
 * @param symbols   the venue's instruments, in the order their ids are given.
 * @param scales    the scales of the venue's instruments, by the venue's symbols.
 */
public record VenueGroup(VenueEndpoints endpoints, List<String> symbols, ScaleCatalogue scales)
{
    public VenueGroup
    {
        symbols = List.copyOf(symbols);
    }

    public String venue()
    {
        return endpoints.venue();
    }
}
