package io.fathom.codec.json;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JsonFastReader#expect} takes a literal exactly where the text is the literal: a difference in any byte of
 * any of its words, or a literal running past the end of the range, is no match, however long the literal.
 */
class JsonFastReaderLiteralTest
{
    @Property(tries = 20000)
    void matchesExactlyWhereTheTextIsTheLiteral(
        @ForAll("literals") final String literal,
        @ForAll("texts") final String before,
        @ForAll("texts") final String after,
        @ForAll @IntRange(max = 40) final int changedAt,
        @ForAll @IntRange(max = 3) final int cutShort)
    {
        final StringBuilder text = new StringBuilder(before).append(literal).append(after);
        if (changedAt < literal.length())
        {
            final int index = before.length() + changedAt;
            text.setCharAt(index, (char)(text.charAt(index) == '~' ? ' ' : text.charAt(index) + 1));
        }
        final byte[] bytes = text.toString().getBytes(ISO_8859_1);
        final int end = Math.max(0, bytes.length - cutShort);
        final JsonFastReader reader = new JsonFastReader();
        assertThat(reader.wrap(new UnsafeBuffer(bytes), 0, end)).isTrue();

        final boolean present = before.length() + literal.length() <= end &&
            text.substring(before.length(), before.length() + literal.length()).equals(literal);
        assertThat(reader.expect(before.length(), JsonLiteral.of(literal))).as("'%s' in '%s' to %d", literal, text, end)
            .isEqualTo(present ? before.length() + literal.length() : JsonFastReader.NO_MATCH);
    }

    @Test
    void aDifferenceInAnyWordOfALongLiteralIsNoMatch()
    {
        final String literal = "{\"e\":\"depthUpdate\",\"E\":";
        final JsonLiteral expected = JsonLiteral.of(literal);
        final JsonFastReader reader = new JsonFastReader();
        for (int i = 0; i < literal.length(); i++)
        {
            final byte[] bytes = (literal + "1700000000000,").getBytes(ISO_8859_1);
            bytes[i] ^= 0x01;
            reader.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
            assertThat(reader.expect(0, expected)).as("byte %d changed", i).isEqualTo(JsonFastReader.NO_MATCH);
        }
        final byte[] bytes = (literal + "1700000000000,").getBytes(ISO_8859_1);
        reader.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
        assertThat(reader.expect(0, expected)).isEqualTo(literal.length());
        assertThat(reader.expect(JsonFastReader.NO_MATCH, expected)).isEqualTo(JsonFastReader.NO_MATCH);
    }

    @Provide
    Arbitrary<String> literals()
    {
        return Arbitraries.strings().withChars("{}[]\":,abcdeE01~ ").ofMinLength(1).ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> texts()
    {
        return Arbitraries.strings().withChars("{}[]\":,abcdeE01~ ").ofMaxLength(12);
    }
}
