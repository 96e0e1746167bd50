package io.fathom.tools.sim;

import io.fathom.codec.Venue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimRequestTest
{
    private static final int SYMBOLS = 10;
    private static final SimSymbols NAMES = SimSymbols.forVenue(Venue.BINANCE, SYMBOLS);

    @Test
    void parsesSubscribeWithStreamsAndId()
    {
        final SimRequest request = SimRequest.parse(
            "{\"method\":\"SUBSCRIBE\",\"params\":[\"sym0@depth@100ms\",\"sym9@depth@100ms\"],\"id\":1}", NAMES);
        assertThat(request.errorResponse).isNull();
        assertThat(request.method).isEqualTo(SimRequest.Method.SUBSCRIBE);
        assertThat(request.symbolIndices).containsExactly(0, 9);
        assertThat(SimRequest.resultNull(request.idJson)).isEqualTo("{\"result\":null,\"id\":1}");
    }

    @Test
    void acceptsStringAndNullIdsAndAnyFieldOrder()
    {
        final SimRequest request = SimRequest.parse(
            " { \"id\" : \"abc123\" , \"params\" : [ ] , \"method\" : \"LIST_SUBSCRIPTIONS\" } ", NAMES);
        assertThat(request.errorResponse).isNull();
        assertThat(request.idJson).isEqualTo("\"abc123\"");
        assertThat(SimRequest.parse("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":null}", NAMES).idJson)
            .isEqualTo("null");
    }

    @Test
    void listsStreamsInBinanceShape()
    {
        assertThat(SimRequest.resultStreams(NAMES, new int[]{ 3, 1 }, 2, "3"))
            .isEqualTo("{\"result\":[\"sym3@depth@100ms\",\"sym1@depth@100ms\"],\"id\":3}");
        assertThat(SimRequest.resultStreams(NAMES, new int[0], 0, "4")).isEqualTo("{\"result\":[],\"id\":4}");
    }

    @Test
    void rejectsUnknownSymbolOrStreamWithCode2()
    {
        assertThat(SimRequest.parse("{\"method\":\"SUBSCRIBE\",\"params\":[\"sym10@depth@100ms\"],\"id\":7}", NAMES)
            .errorResponse).isEqualTo("{\"error\":{\"code\":2,\"msg\":\"Invalid request: invalid stream\"},\"id\":7}");
        assertThat(error("{\"method\":\"SUBSCRIBE\",\"params\":[\"sym1@trade\"],\"id\":7}")).contains("\"code\":2");
        assertThat(error("{\"method\":\"SUBSCRIBE\",\"params\":[\"SYM1@depth@100ms\"],\"id\":7}")).contains("\"code\":2");
        assertThat(error("{\"method\":\"SUBSCRIBE\",\"params\":[1],\"id\":7}")).contains("invalid stream");
    }

    @Test
    void rejectsBadJsonWithCode3()
    {
        assertThat(error("{\"method\":\"SUBSCRIBE\",")).startsWith("{\"error\":{\"code\":3,\"msg\":\"Invalid JSON: ")
            .endsWith(",\"id\":null}");
        assertThat(error("not json")).contains("\"code\":3").contains("expected value at line 1 column 1");
        assertThat(error("{} trailing")).contains("\"code\":3");
    }

    @Test
    void rejectsUnknownOrMissingMethodAndBadIds()
    {
        assertThat(error("{\"method\":\"SUBSCRIBEX\",\"params\":[],\"id\":2}"))
            .isEqualTo("{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown variant `SUBSCRIBEX`, expected one of " +
                "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`\"},\"id\":2}");
        assertThat(error("{\"params\":[],\"id\":2}")).contains("missing field `method`");
        assertThat(error("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1.5}"))
            .contains("request ID must be an unsigned integer").endsWith("\"id\":null}");
        assertThat(error("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"has space\"}")).contains("\"code\":2");
        assertThat(error("[1,2]")).contains("\"code\":2");
    }

    @Test
    void handlesTheCombinedProperty()
    {
        final SimRequest set = SimRequest.parse("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":5}", NAMES);
        assertThat(set.errorResponse).isNull();
        assertThat(set.combined).isTrue();
        assertThat(SimRequest.parse("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":2}", NAMES)
            .errorResponse).isNull();
        assertThat(error("{\"method\":\"SET_PROPERTY\",\"params\":[\"other\",true],\"id\":5}"))
            .isEqualTo("{\"error\":{\"code\":0,\"msg\":\"Unknown property\"},\"id\":5}");
        assertThat(error("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",1],\"id\":5}"))
            .contains("\"code\":1").contains("Invalid value type: expected Boolean");
        assertThat(error("{\"method\":\"GET_PROPERTY\",\"params\":[7],\"id\":5}"))
            .contains("property name must be a string");
        assertThat(SimRequest.resultBoolean(true, "2")).isEqualTo("{\"result\":true,\"id\":2}");
    }

    @Test
    void escapesClientTextInErrors()
    {
        assertThat(error("{\"method\":\"a\\\"b\",\"id\":1}")).contains("unknown variant `a\\\"b`");
    }

    @Test
    void parsesRoutesLikeBinance()
    {
        final SimWebSocketServer.Route combined =
            SimBinanceWire.parseRoute("/stream?streams=sym0@depth@100ms/sym2@depth@100ms", NAMES);
        assertThat(combined.combined).isTrue();
        assertThat(combined.symbols).containsExactly(0, 2);
        assertThat(SimBinanceWire.parseRoute("/stream?streams=sym1%40depth%40100ms", NAMES).symbols)
            .containsExactly(1);
        assertThat(SimBinanceWire.parseRoute("/stream", NAMES).symbols).isEmpty();
        final SimWebSocketServer.Route raw = SimBinanceWire.parseRoute("/ws/sym3@depth@100ms", NAMES);
        assertThat(raw.combined).isFalse();
        assertThat(raw.symbols).containsExactly(3);
        assertThat(SimBinanceWire.parseRoute("/ws", NAMES).symbols).isEmpty();
        assertThat(SimBinanceWire.parseRoute("/ws/sym99@depth@100ms", NAMES)).isNull();
        assertThat(SimBinanceWire.parseRoute("/stream?streams=sym1@depth", NAMES)).isNull();
        assertThat(SimBinanceWire.parseRoute("/other", NAMES)).isNull();
    }

    @Test
    void namesAndParsesSymbolsStrictly()
    {
        assertThat(SimSymbols.symbol(12)).isEqualTo("SYM12");
        assertThat(SimSymbols.depthStream(12)).isEqualTo("sym12@depth@100ms");
        assertThat(SimSymbols.parseSymbol("SYM9", SYMBOLS)).isEqualTo(9);
        assertThat(SimSymbols.parseSymbol("SYM10", SYMBOLS)).isEqualTo(-1);
        assertThat(SimSymbols.parseSymbol("SYM01", SYMBOLS)).isEqualTo(-1);
        assertThat(SimSymbols.parseSymbol("sym1", SYMBOLS)).isEqualTo(-1);
        assertThat(SimSymbols.parseSymbol("SYM", SYMBOLS)).isEqualTo(-1);
        assertThat(SimSymbols.parseDepthStream("sym0@depth@100ms", SYMBOLS)).isZero();
        assertThat(SimSymbols.parseDepthStream("sym@depth@100ms", SYMBOLS)).isEqualTo(-1);
        assertThat(SimSymbols.parseDepthStream("sym1@depth@1000ms", SYMBOLS)).isEqualTo(-1);
    }

    private static String error(final String frame)
    {
        final SimRequest request = SimRequest.parse(frame, NAMES);
        assertThat(request.errorResponse).as(frame).isNotNull();
        return request.errorResponse;
    }
}
