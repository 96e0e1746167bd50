package io.fathom.codec.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonWriterTest
{
    @Test
    void separatesFieldsAndElementsWithCommasAtEveryNestingLevel()
    {
        final JsonWriter json = new JsonWriter().beginObject()
            .field("count", 3)
            .name("flags").beginArray().value(true).value("x").value((String)null).endArray()
            .name("inner").beginObject().field("ok", false).endObject()
            .field("last", "end")
            .endObject();

        assertThat(json.toString())
            .isEqualTo("{\"count\":3,\"flags\":[true,\"x\",null],\"inner\":{\"ok\":false},\"last\":\"end\"}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters()
    {
        final String text = new JsonWriter().beginObject().field("s", "a\"b\\c\nd\re\tf\u0001").endObject().toString();

        assertThat(text).isEqualTo("{\"s\":\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\"}");
    }

    @Test
    void writesNonFiniteNumbersAsNullAndRawNumbersAsGiven()
    {
        final String text = new JsonWriter().beginArray()
            .value(Double.NaN).value(Double.POSITIVE_INFINITY).value(1.5).rawNumber("0.00100000")
            .endArray().toString();

        assertThat(text).isEqualTo("[null,null,1.5,0.00100000]");
    }
}
