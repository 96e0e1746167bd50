package io.fathom.codec.json;

import io.fathom.codec.DecodeResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner's limits on hostile input: strings must be well-formed UTF-8, exactly as the JDK's strict
 * decoder judges it; a value of the wrong type is told apart from one that is not valid JSON; frames
 * beyond the size limit are refused.
 */
class JsonScannerHostileInputTest
{
    private final JsonScanner scanner = new JsonScanner();

    @ParameterizedTest
    @ValueSource(strings = {
        "C280", "DFBF", "E0A080", "ED9FBF", "EE8080", "EFBFBF", "F0908080", "F48FBFBF", "C3A9", "E282AC", "F09F9880" })
    void acceptsEveryWellFormedUtf8BoundaryInStrings(final String hex)
    {
        final byte[] string = quoted(HexFormat.of().parseHex(hex));
        wrap(string);

        assertThat(scanner.readString()).isTrue();
        assertThat(scanner.tokenLength()).isEqualTo(string.length - 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "80", "BF", "C0AF", "C1BF", "E080AF", "E09FBF", "EDA080", "EDBFBF", "F08FBFBF", "F4908080", "F5808080",
        "F8888080", "FF", "C328", "E28228", "F0908028" })
    void refusesMalformedUtf8AtItsFirstByte(final String hex)
    {
        final byte[] string = quoted(bytes("ab", hex));
        wrap(string);

        assertThat(scanner.readString()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.INVALID_UTF8);
        assertThat(scanner.errorPosition()).isEqualTo(3);
    }

    @Test
    void aSequenceCutByTheEndOfInputIsTruncationNotBadUtf8()
    {
        final byte[] cut = { '"', 'a', (byte)0xE2, (byte)0x82 };
        wrap(cut);

        assertThat(scanner.skipValue()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.MALFORMED_JSON);
        assertThat(scanner.errorPosition()).isEqualTo(cut.length);
    }

    @Property(tries = 5_000)
    void judgesUtf8AsTheJdkStrictDecoderDoes(@ForAll("stringContents") final byte[] content)
    {
        wrap(quoted(content));

        final boolean scanned = scanner.skipValue();

        assertThat(scanned).as(HexFormat.of().formatHex(content)).isEqualTo(strictlyDecodes(content));
        if (!scanned)
        {
            assertThat(scanner.error()).isEqualTo(DecodeResult.INVALID_UTF8);
        }
    }

    @Test
    void wrongTypeOnlyForValidJsonOtherwiseWhatMakesItInvalid()
    {
        wrap("[1,{\"a\":null}]".getBytes(UTF_8));
        assertThat(scanner.failUnexpected()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.UNEXPECTED_TYPE);
        assertThat(scanner.errorPosition()).isZero();
        assertThat(scanner.position()).isZero();

        wrap(("[".repeat(10_000)).getBytes(UTF_8));
        assertThat(scanner.failUnexpected()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.NESTING_TOO_DEEP);

        wrap(new byte[]{ '[', '"', (byte)0xFF, '"', ']' });
        assertThat(scanner.failUnexpected()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.INVALID_UTF8);
        assertThat(scanner.errorPosition()).isEqualTo(2);

        wrap("[1,".getBytes(UTF_8));
        assertThat(scanner.failUnexpected()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.MALFORMED_JSON);
    }

    @Test
    void refusesFramesBeyondTheSizeLimitAtTheFirstByteBeyondIt()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[JsonScanner.MAX_FRAME_LENGTH + 10]);

        scanner.wrap(buffer, 9, JsonScanner.MAX_FRAME_LENGTH);
        assertThat(scanner.checkFrameLength()).isTrue();
        assertThat(scanner.error()).isNull();

        scanner.wrap(buffer, 9, JsonScanner.MAX_FRAME_LENGTH + 1);
        assertThat(scanner.checkFrameLength()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.FRAME_TOO_LARGE);
        assertThat(scanner.errorPosition()).isEqualTo(9 + JsonScanner.MAX_FRAME_LENGTH);
    }

    /** String contents without quotes, backslashes or control bytes, mostly bytes above ASCII. */
    @Provide
    Arbitrary<byte[]> stringContents()
    {
        final Arbitrary<Byte> high = Arbitraries.integers().between(0x80, 0xFF).map(i -> (byte)(int)i);
        final Arbitrary<Byte> lead = Arbitraries.of((byte)0xC2, (byte)0xDF, (byte)0xE0, (byte)0xED, (byte)0xEF,
            (byte)0xF0, (byte)0xF4, (byte)0xF5, (byte)0xC0);
        final Arbitrary<Byte> continuation = Arbitraries.integers().between(0x80, 0xBF).map(i -> (byte)(int)i);
        final Arbitrary<Byte> ascii = Arbitraries.integers().between(0x20, 0x7E)
            .filter(i -> i != '"' && i != '\\').map(i -> (byte)(int)i);
        return Arbitraries.frequencyOf(Tuple.of(2, high), Tuple.of(3, lead), Tuple.of(6, continuation), Tuple.of(2, ascii))
            .array(byte[].class).ofMaxSize(12);
    }

    private static boolean strictlyDecodes(final byte[] content)
    {
        try
        {
            UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content));
            return true;
        }
        catch (final CharacterCodingException ex)
        {
            return false;
        }
    }

    private static byte[] bytes(final String ascii, final String hex)
    {
        final byte[] prefix = ascii.getBytes(UTF_8);
        final byte[] suffix = HexFormat.of().parseHex(hex);
        final byte[] all = new byte[prefix.length + suffix.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(suffix, 0, all, prefix.length, suffix.length);
        return all;
    }

    private static byte[] quoted(final byte[] content)
    {
        final byte[] string = new byte[content.length + 2];
        string[0] = '"';
        System.arraycopy(content, 0, string, 1, content.length);
        string[string.length - 1] = '"';
        return string;
    }

    private void wrap(final byte[] bytes)
    {
        scanner.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
    }
}
