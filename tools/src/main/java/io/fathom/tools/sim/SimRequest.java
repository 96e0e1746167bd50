package io.fathom.tools.sim;

import java.util.List;
import java.util.Map;

/**
 * One parsed control frame of Binance's market-stream protocol ({@code SUBSCRIBE},
 * {@code UNSUBSCRIBE}, {@code LIST_SUBSCRIPTIONS}, {@code SET_PROPERTY}, {@code GET_PROPERTY}), or
 * the error response it earns, plus the response writers. Parsed on a WebSocket thread, applied on
 * the generator thread. Error codes and texts follow Binance's documented ones:
 * 0 unknown property, 1 invalid value type, 2 invalid request, 3 invalid JSON.
 */
final class SimRequest
{
    enum Method
    {
        SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS, SET_PROPERTY, GET_PROPERTY
    }

    static final String COMBINED_PROPERTY = "combined";
    private static final int MAX_STRING_ID_LENGTH = 36;
    private static final String UNKNOWN_METHOD_SUFFIX = ", expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, " +
        "`LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

    final Method method;
    /** The request id as JSON text to echo: a number, a quoted string, or {@code null}. */
    final String idJson;
    final int[] symbolIndices;
    final boolean combined;
    /** Non-null when the request is rejected; then only this is sent. */
    final String errorResponse;

    private SimRequest(
        final Method method,
        final String idJson,
        final int[] symbolIndices,
        final boolean combined,
        final String errorResponse)
    {
        this.method = method;
        this.idJson = idJson;
        this.symbolIndices = symbolIndices;
        this.combined = combined;
        this.errorResponse = errorResponse;
    }

    static SimRequest parse(final String frame, final SimSymbols symbols)
    {
        final Object root;
        try
        {
            root = SimJsonReader.read(frame);
        }
        catch (final SimJsonReader.SyntaxException ex)
        {
            return rejected(null, 3, "Invalid JSON: " + ex.getMessage());
        }
        if (!(root instanceof Map))
        {
            return rejected(null, 2, "Invalid request: expected a JSON object");
        }
        final Map<?, ?> members = (Map<?, ?>)root;

        final String idJson = idJson(members.get("id"));
        if (idJson == null)
        {
            return rejected(null, 2, "Invalid request: request ID must be an unsigned integer");
        }

        final Object methodValue = members.get("method");
        if (methodValue == null)
        {
            return rejected(idJson, 2, "Invalid request: missing field `method`");
        }
        final Method method = methodOf(methodValue);
        if (method == null)
        {
            return rejected(idJson, 2, "Invalid request: unknown variant `" + methodValue + "`" + UNKNOWN_METHOD_SUFFIX);
        }

        final Object paramsValue = members.get("params");
        final List<?> params = paramsValue instanceof List ? (List<?>)paramsValue : List.of();
        if (paramsValue != null && paramsValue != SimJsonReader.NULL && !(paramsValue instanceof List))
        {
            return rejected(idJson, 2, "Invalid request: params must be an array");
        }

        switch (method)
        {
            case SUBSCRIBE:
            case UNSUBSCRIBE:
                return parseStreams(method, idJson, params, symbols);
            case LIST_SUBSCRIPTIONS:
                return params.isEmpty() ? accepted(method, idJson, null, false) :
                    rejected(idJson, 2, "Invalid request: too many parameters");
            case SET_PROPERTY:
                return parseSetProperty(idJson, params);
            default:
                return parseGetProperty(idJson, params);
        }
    }

    static String resultNull(final String idJson)
    {
        return "{\"result\":null,\"id\":" + idJson + "}";
    }

    static String resultBoolean(final boolean value, final String idJson)
    {
        return "{\"result\":" + value + ",\"id\":" + idJson + "}";
    }

    static String resultStreams(
        final SimSymbols symbols, final int[] symbolIndices, final int count, final String idJson)
    {
        final StringBuilder builder = new StringBuilder(32 + count * 24).append("{\"result\":[");
        for (int i = 0; i < count; i++)
        {
            builder.append(i == 0 ? "\"" : ",\"").append(symbols.stream(symbolIndices[i])).append('"');
        }
        return builder.append("],\"id\":").append(idJson).append('}').toString();
    }

    static String error(final int code, final String message, final String idJson)
    {
        final StringBuilder builder = new StringBuilder(64 + message.length())
            .append("{\"error\":{\"code\":").append(code).append(",\"msg\":");
        SimJson.appendQuoted(builder, message);
        return builder.append("},\"id\":").append(idJson == null ? "null" : idJson).append('}').toString();
    }

    private static SimRequest parseStreams(
        final Method method, final String idJson, final List<?> params, final SimSymbols symbols)
    {
        final int[] indices = new int[params.size()];
        for (int i = 0; i < indices.length; i++)
        {
            final Object param = params.get(i);
            final int index = param instanceof String ? symbols.indexOfStream((String)param) : -1;
            if (index < 0)
            {
                return rejected(idJson, 2, "Invalid request: invalid stream");
            }
            indices[i] = index;
        }
        return accepted(method, idJson, indices, false);
    }

    private static SimRequest parseSetProperty(final String idJson, final List<?> params)
    {
        if (params.size() > 2)
        {
            return rejected(idJson, 2, "Invalid request: too many parameters");
        }
        final SimRequest nameError = checkPropertyName(idJson, params);
        if (nameError != null)
        {
            return nameError;
        }
        if (params.size() < 2 || !(params.get(1) instanceof Boolean))
        {
            return rejected(idJson, 1, "Invalid value type: expected Boolean");
        }
        return accepted(Method.SET_PROPERTY, idJson, null, (Boolean)params.get(1));
    }

    private static SimRequest parseGetProperty(final String idJson, final List<?> params)
    {
        if (params.size() > 1)
        {
            return rejected(idJson, 2, "Invalid request: too many parameters");
        }
        final SimRequest nameError = checkPropertyName(idJson, params);
        return nameError != null ? nameError : accepted(Method.GET_PROPERTY, idJson, null, false);
    }

    private static SimRequest checkPropertyName(final String idJson, final List<?> params)
    {
        if (params.isEmpty() || !(params.get(0) instanceof String))
        {
            return rejected(idJson, 2, "Invalid request: property name must be a string");
        }
        if (!COMBINED_PROPERTY.equals(params.get(0)))
        {
            return rejected(idJson, 0, "Unknown property");
        }
        return null;
    }

    /**
     * @return the id as JSON text, "null" when absent or null, or null when it is not an accepted id
     * (an int64, or an alphanumeric string of at most 36 characters).
     */
    private static String idJson(final Object id)
    {
        if (id == null || id == SimJsonReader.NULL)
        {
            return "null";
        }
        if (id instanceof SimJsonReader.Number)
        {
            final SimJsonReader.Number number = (SimJsonReader.Number)id;
            if (!number.isInteger())
            {
                return null;
            }
            try
            {
                return Long.toString(Long.parseLong(number.text));
            }
            catch (final NumberFormatException ex)
            {
                return null;
            }
        }
        if (id instanceof String)
        {
            final String text = (String)id;
            if (text.isEmpty() || text.length() > MAX_STRING_ID_LENGTH)
            {
                return null;
            }
            for (int i = 0; i < text.length(); i++)
            {
                if (!isAsciiAlphanumeric(text.charAt(i)))
                {
                    return null;
                }
            }
            return '"' + text + '"';
        }
        return null;
    }

    private static Method methodOf(final Object value)
    {
        if (value instanceof String)
        {
            for (final Method method : Method.values())
            {
                if (method.name().equals(value))
                {
                    return method;
                }
            }
        }
        return null;
    }

    private static boolean isAsciiAlphanumeric(final char c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static SimRequest accepted(
        final Method method, final String idJson, final int[] symbolIndices, final boolean combined)
    {
        return new SimRequest(method, idJson, symbolIndices, combined, null);
    }

    private static SimRequest rejected(final String idJson, final int code, final String message)
    {
        return new SimRequest(null, idJson, null, false, error(code, message, idJson));
    }
}
