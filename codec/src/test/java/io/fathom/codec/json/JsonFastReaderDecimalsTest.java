package io.fathom.codec.json;

import io.fathom.codec.decimal.FixedPoint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast paths' quoted decimal read agrees with the general path ({@code readString} then {@code toMantissa}):
 * whatever the text and whatever follows it, a decimal it takes has the general path's mantissa, decimals and
 * end, and it takes the forms venues send, in the middle of a frame and at its end.
 */
class JsonFastReaderDecimalsTest
{
    @Property(tries = 30000)
    void takesOnlyWhatTheGeneralPathAcceptsAndReadsItTheSame(
        @ForAll("quotedText") final String text,
        @ForAll("following") final String following,
        @ForAll @IntRange(max = 18) final int scale)
    {
        final byte[] bytes = (text + following).getBytes(ISO_8859_1);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final JsonFastReader reader = new JsonFastReader();
        assertThat(reader.wrap(buffer, 0, bytes.length)).isTrue();

        final int end = reader.quotedDecimal(0, scale);
        if (JsonFastReader.NO_MATCH == end)
        {
            return;
        }
        final JsonScanner general = new JsonScanner().wrap(buffer, 0, bytes.length);
        assertThat(general.readString()).as(text).isTrue();
        final long expected = JsonDecimals.toMantissa(general, scale);
        assertThat(general.error()).as(text).isNull();
        assertThat(reader.value()).as(text).isEqualTo(expected);
        assertThat(reader.fractionDigits()).as(text)
            .isEqualTo(FixedPoint.fractionDigits(buffer, general.tokenOffset(), general.tokenLength()));
        assertThat(end).as(text).isEqualTo(general.position());
    }

    @Test
    void takesTheDecimalsVenuesSendInTheMiddleAndAtTheEnd()
    {
        final String[] texts = { "43249.98000000", "104250.01000000", "0.35130000", "6195.00000000", "7.5040", "813",
            "0.00003614", "30243.5", "1234567.12345678", "12345678.5", "0.123456780000",
            "1618678133.365913" };
        final long[] mantissas = { 4_324_998_000_000L, 10_425_001_000_000L, 35_130_000L, 619_500_000_000L, 750_400_000L,
            81_300_000_000L, 3_614L, 3_024_350_000_000L, 123_456_712_345_678L, 1_234_567_850_000_000L, 12_345_678L,
            161_867_813_336_591_300L };
        for (int i = 0; i < texts.length; i++)
        {
            for (final String following : new String[]{ "", "]]}}", "\"],[\"43250.09000000\",\"1.56525081\"]]}}" })
            {
                final String frame = "\"" + texts[i] + "\"" + following;
                final UnsafeBuffer buffer = new UnsafeBuffer(frame.getBytes(ISO_8859_1));
                final JsonFastReader reader = new JsonFastReader();
                reader.wrap(buffer, 0, buffer.capacity());
                assertThat(reader.quotedDecimal(0, 8)).as(frame).isEqualTo(texts[i].length() + 2);
                assertThat(reader.value()).as(frame).isEqualTo(mantissas[i]);
            }
        }
    }

    @Provide
    Arbitrary<String> quotedText()
    {
        final Arbitrary<String> usual = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(8)
            .flatMap(d -> Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(9)
                .map(f -> f.isEmpty() ? d : d + "." + f));
        return DecimalTexts.quoted(24, 20, List.of(usual));
    }

    @Provide
    Arbitrary<String> following()
    {
        return Arbitraries.of("", ",", "]]}}", "\"]", ".5\"", "5\",\"1\"]]", ",\"0.00000000\"],[\"1\",\"2\"]]}}");
    }
}
