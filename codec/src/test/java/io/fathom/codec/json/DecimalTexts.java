package io.fathom.codec.json;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.ArrayList;
import java.util.List;

/** Text a quoted-decimal read is tried on: noise, digits and well-formed decimals, quoted, open or bare. */
final class DecimalTexts
{
    private DecimalTexts()
    {
    }

    /**
     * @param noiseLength    the longest run of digits, points, signs, quotes, escapes, control and non-ASCII bytes.
     * @param fractionLength the longest fraction of a well-formed decimal.
     * @param more           further forms of the text, drawn as often as each of the others.
     */
    static Arbitrary<String> quoted(final int noiseLength, final int fractionLength, final List<Arbitrary<String>> more)
    {
        final Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(20);
        final Arbitrary<String> decimals =
            Arbitraries.strings().withChars("01234567890000").ofMinLength(1).ofMaxLength(fractionLength);
        final List<Arbitrary<String>> forms = new ArrayList<>(List.of(
            Arbitraries.strings().withChars("0123456789.0000-e\"\\ \u0001\u00e9").ofMaxLength(noiseLength),
            digits,
            digits.flatMap(d -> decimals.map(f -> d + "." + f))));
        forms.addAll(more);
        return Arbitraries.oneOf(forms).flatMap(t -> Arbitraries.of("\"" + t + "\"", "\"" + t, t));
    }
}
