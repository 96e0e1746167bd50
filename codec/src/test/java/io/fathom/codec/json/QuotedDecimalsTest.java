package io.fathom.codec.json;

import io.fathom.codec.DecodeResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass decimal reader and the eight-byte checks behind it agree with the general path they shortcut:
 * whatever the text, a decimal it takes reads exactly as {@code readString} then {@code toMantissa} reads it,
 * and what it leaves is untouched for that path.
 */
class QuotedDecimalsTest
{
    @Property(tries = 20000)
    void takesOnlyWhatTheGeneralPathAcceptsAndReadsItTheSame(
        @ForAll("quotedText") final String text, @ForAll @IntRange(max = 18) final int scale)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(("  " + text + ",").getBytes(ISO_8859_1));
        final JsonScanner fast = new JsonScanner().wrap(buffer, 0, buffer.capacity());
        final JsonScanner general = new JsonScanner().wrap(buffer, 0, buffer.capacity());

        final long taken = QuotedDecimals.tryRead(fast, scale);
        final long expected = general.readString() ? JsonDecimals.toMantissa(general, scale) : -1;

        if (QuotedDecimals.NOT_TAKEN == taken)
        {
            final JsonScanner untouched = new JsonScanner().wrap(buffer, 0, buffer.capacity());
            untouched.peek();
            assertThat(fast.error()).isNull();
            assertThat(fast.position()).isEqualTo(untouched.position());
            return;
        }
        assertThat(taken).as(text).isEqualTo(expected);
        assertThat(general.error()).isNull();
        assertThat(fast.position()).isEqualTo(general.position());
        assertThat(fast.tokenOffset()).isEqualTo(general.tokenOffset());
        assertThat(fast.tokenLength()).isEqualTo(general.tokenLength());
        assertThat(fast.tokenFractionDigits()).isEqualTo(general.tokenFractionDigits());
    }

    @Test
    void takesTheDecimalsVenuesSend()
    {
        for (final String text : new String[]{ "\"0.35130000\"", "\"43250.12000000\"", "\"6195\"", "\"0.000022900\"" })
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(text.getBytes(ISO_8859_1));
            assertThat(QuotedDecimals.tryRead(new JsonScanner().wrap(buffer, 0, buffer.capacity()), 8))
                .as(text).isNotEqualTo(QuotedDecimals.NOT_TAKEN);
        }
    }

    @Test
    void leavesErrorsToTheGeneralPath()
    {
        for (final String text : new String[]{ "\"-1\"", "\"1.\"", "\".5\"", "\"0.123456789\"", "\"1e5\"", "\"1", "1.5" })
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(text.getBytes(ISO_8859_1));
            final JsonScanner scanner = new JsonScanner().wrap(buffer, 0, buffer.capacity());
            assertThat(QuotedDecimals.tryRead(scanner, 8)).as(text).isEqualTo(QuotedDecimals.NOT_TAKEN);
            assertThat(scanner.error()).isNull();
        }
    }

    @Property(tries = 20000)
    void eightByteChecksAgreeWithByteByByteOnes(@ForAll("eightBytes") final String text)
    {
        final byte[] bytes = text.getBytes(ISO_8859_1);
        final long word = new UnsafeBuffer(bytes).getLong(0, ByteOrder.LITTLE_ENDIAN);
        boolean digits = true;
        boolean plain = true;
        int leadingDigits = 0;
        long nonDigits = 0;
        for (int i = 0; i < bytes.length; i++)
        {
            final boolean digit = bytes[i] >= '0' && bytes[i] <= '9';
            digits &= digit;
            plain &= bytes[i] != '"' && bytes[i] != '\\' && (bytes[i] & 0xFF) >= 0x20 && (bytes[i] & 0xFF) < 0x80;
            leadingDigits += digits ? 1 : 0;
            nonDigits |= digit ? 0 : 0x80L << (i << 3);
        }

        assertThat(AsciiWords.isEightDigits(word)).as(text).isEqualTo(digits);
        assertThat(AsciiWords.nonDigits(word)).as(text).isEqualTo(nonDigits);
        assertThat(AsciiWords.leadingDigits(word)).as(text).isEqualTo(leadingDigits);
        assertThat(AsciiWords.isPlainStringText(word)).as(text).isEqualTo(plain);
        if (digits)
        {
            assertThat(AsciiWords.eightDigits(word)).isEqualTo(Long.parseLong(text));
        }
    }

    @Test
    void readsLongIntegersEightDigitsAtATimeWithTheSameOverflowRule()
    {
        final String[] texts = { "1633998512068", "9223372036854775807", "9223372036854775808", "00012345678" };
        final long[] expected = { 1_633_998_512_068L, Long.MAX_VALUE, -1, -1 };
        for (int i = 0; i < texts.length; i++)
        {
            final UnsafeBuffer buffer = new UnsafeBuffer((texts[i] + "}").getBytes(ISO_8859_1));
            final JsonScanner scanner = new JsonScanner().wrap(buffer, 0, buffer.capacity());
            assertThat(scanner.readNonNegativeLong()).as(texts[i]).isEqualTo(expected[i]);
            assertThat(scanner.error()).isEqualTo(expected[i] < 0 ? DecodeResult.INVALID_NUMBER : null);
        }
    }

    @Provide
    Arbitrary<String> quotedText()
    {
        return DecimalTexts.quoted(40, 36, List.of());
    }

    @Provide
    Arbitrary<String> eightBytes()
    {
        final Arbitrary<Character> anyByte = Arbitraries.chars().range('\u0000', '\u00ff');
        final Arbitrary<Character> likely = Arbitraries.of('0', '5', '9', '/', ':', '"', '\\', ' ', '\u001f', '\u00fa', 'a');
        return Arbitraries.oneOf(anyByte, likely).list().ofSize(8).map(chars ->
        {
            final StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return text.toString();
        });
    }
}
