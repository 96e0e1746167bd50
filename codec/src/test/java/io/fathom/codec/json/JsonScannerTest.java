package io.fathom.codec.json;

import io.fathom.codec.DecodeResult;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonScannerTest
{
    private final JsonScanner scanner = new JsonScanner();

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", "\"\"", "0", "-0", "-12.5e+3", "1E-2", "true", "false", "null",
        " { \"a\" : [ 1 , { \"b\" : { } } , [ ] , \"x\" ] , \"c\" : null } ",
        "\"quote \\\" backslash \\\\ slash \\/ controls \\b\\f\\n\\r\\t unicode \\u00e9\\uABCD\"",
        "{\"\\\"key\\\"\":\"]}\"}",
        "\"\u00e9\u20ac\"" })
    void skipsValidValues(final String json)
    {
        wrap(json);

        assertThat(scanner.skipValue()).isTrue();
        assertThat(scanner.isAtEnd()).isTrue();
        assertThat(scanner.error()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "{", "[", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,", "[1,", "[1 2]", "{\"a\" 1}", "{a:1}",
        "{1:1}", "[1,]", "{,}", "\"abc", "\"\\", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\u00", "\"a\tb\"",
        "tru", "nul", "-", "1.", "1e", "1e+", ".5", "+1", "]", "}", "'a'" })
    void rejectsMalformedValues(final String json)
    {
        wrap(json);

        assertThat(scanner.skipValue()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.MALFORMED_JSON);
        assertThat(scanner.errorPosition()).isBetween(0, json.getBytes(UTF_8).length);
    }

    @Test
    void leavesTrailingBytesToTheCaller()
    {
        wrap("nullx");

        assertThat(scanner.skipValue()).isTrue();
        assertThat(scanner.position()).isEqualTo(4);
        assertThat(scanner.isAtEnd()).isFalse();
    }

    @Test
    void exposesRawStringToken()
    {
        wrap("  \"a\\\"b\"  ");

        assertThat(scanner.readString()).isTrue();
        assertThat(scanner.tokenOffset()).isEqualTo(3);
        assertThat(scanner.tokenLength()).isEqualTo(4);
        assertThat(scanner.tokenEscaped()).isTrue();
        assertThat(scanner.tokenEquals("a\\\"b".getBytes(UTF_8))).isTrue();
        assertThat(scanner.isAtEnd()).isTrue();
    }

    @Test
    void boundsNesting()
    {
        wrap("[".repeat(JsonScanner.MAX_DEPTH) + "]".repeat(JsonScanner.MAX_DEPTH));
        assertThat(scanner.skipValue()).isTrue();

        wrap("[".repeat(JsonScanner.MAX_DEPTH + 1) + "]".repeat(JsonScanner.MAX_DEPTH + 1));
        assertThat(scanner.skipValue()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.NESTING_TOO_DEEP);
        assertThat(scanner.errorPosition()).isEqualTo(JsonScanner.MAX_DEPTH);

        wrap("{\"a\":".repeat(100_000));
        assertThat(scanner.skipValue()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.NESTING_TOO_DEEP);
    }

    @Test
    void readsNonNegativeLongs()
    {
        assertThat(readLong(" 0 ")).isEqualTo(0);
        assertThat(readLong("1633998512068")).isEqualTo(1633998512068L);
        assertThat(readLong("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "9223372036854775808", "99999999999999999999", "-1", "-0", "1.5", "1e3", "1E3", "01" })
    void rejectsInvalidIntegers(final String json)
    {
        assertThat(readLong(json)).isEqualTo(-1);
        assertThat(scanner.error()).isEqualTo(DecodeResult.INVALID_NUMBER);
        assertThat(scanner.errorPosition()).isZero();
    }

    @Test
    void distinguishesWrongTypeFromMalformedInput()
    {
        assertThat(readLong("\"1\"")).isEqualTo(-1);
        assertThat(scanner.error()).isEqualTo(DecodeResult.UNEXPECTED_TYPE);

        assertThat(readLong("")).isEqualTo(-1);
        assertThat(scanner.error()).isEqualTo(DecodeResult.MALFORMED_JSON);

        wrap("[\"a\"]");
        assertThat(scanner.readString()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.UNEXPECTED_TYPE);

        wrap("}");
        assertThat(scanner.readString()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.MALFORMED_JSON);
    }

    @Test
    void keepsFirstError()
    {
        wrap("x");
        scanner.fail(DecodeResult.INVALID_NUMBER, 0);
        scanner.fail(DecodeResult.MALFORMED_JSON, 1);

        assertThat(scanner.error()).isEqualTo(DecodeResult.INVALID_NUMBER);
        assertThat(scanner.errorPosition()).isZero();
    }

    @Test
    void readsOnlyInsideTheWrappedRange()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer("[1,2]]]]".getBytes(UTF_8));
        scanner.wrap(buffer, 0, 4);

        assertThat(scanner.skipValue()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.MALFORMED_JSON);
        assertThat(scanner.errorPosition()).isEqualTo(4);
    }

    @Test
    void rejectsRangeOutsideBuffer()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8]);

        assertThatThrownBy(() -> scanner.wrap(buffer, 4, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scanner.wrap(buffer, -1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scanner.wrap(buffer, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private long readLong(final String json)
    {
        wrap(json);
        return scanner.readNonNegativeLong();
    }

    private void wrap(final String json)
    {
        final byte[] bytes = json.getBytes(UTF_8);
        scanner.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
    }
}
