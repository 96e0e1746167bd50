package io.fathom.bench.jackson;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/** One venue's depth frame read with a Jackson streaming parser into a {@link JacksonDepth}. */
@FunctionalInterface
public interface JacksonDepthParser
{
    /**
     * @param parser a parser over one frame, before its first token.
     */
    void parse(JsonParser parser, JacksonDepth out) throws IOException;
}
