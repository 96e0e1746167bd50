package io.fathom.tools.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * Parses durations written as a number and a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}.
 * Free of picocli, so the simulator's fault schedule can use it where picocli is not on the class path.
 */
public final class Durations
{
    private Durations()
    {
    }

    /** @throws IllegalArgumentException saying how to write a duration. */
    public static Duration parse(final String text)
    {
        final String value = text.trim().toLowerCase(Locale.ROOT);
        final int unitStart = firstNonDigit(value);
        if (unitStart == 0 || unitStart > 12)
        {
            throw new IllegalArgumentException(
                "'" + text + "' is not a duration; write a whole number and a unit: 500ms, 30s, 5m, 2h");
        }
        final long amount = Long.parseLong(value.substring(0, unitStart));
        switch (value.substring(unitStart))
        {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            default:
                throw new IllegalArgumentException("'" + text + "' has an unknown unit; use ms, s, m or h");
        }
    }

    private static int firstNonDigit(final String value)
    {
        int i = 0;
        while (i < value.length() && Character.isDigit(value.charAt(i)))
        {
            i++;
        }
        return i;
    }
}
