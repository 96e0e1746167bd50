package io.fathom.codec.instrument;

import java.util.List;

/**
 * Where a venue publishes its instruments' tick and lot sizes, and how to read them: the requests for the symbols
 * held, and a parser from a response body to each listed instrument's scales. Each venue's source lives with its
 * parser in this package and is named by {@link io.fathom.codec.Venue#metadataSource()}. Stateless; any thread.
 */
public interface InstrumentMetadataSource
{
    /**
     * @param restBaseUrl the venue's REST base, scheme, host and port, no trailing slash.
     * @param heldSymbols the symbols the engine holds on the venue, as given.
     * @return the requests that together list every held symbol the venue knows; at least one.
     */
    List<InstrumentMetadataRequest> requests(String restBaseUrl, List<String> heldSymbols);

    /**
     * @param source named in errors: the URL the body came from.
     * @param body   the response body.
     * @return the scales of every instrument the body lists, in the venue's spelling.
     * @throws IllegalArgumentException naming the source and the field when the body is not the documented shape,
     * or when the venue answered with an error of its own.
     */
    List<InstrumentScales> parse(String source, byte[] body);
}
