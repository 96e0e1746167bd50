package io.fathom.tools.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** ISO-8601 times in and out, as epoch nanoseconds (UTC unless the text names an offset). */
public final class IsoTime
{
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix;

    /**
     * Parses {@code 2026-11-22T14:03:07.250Z}, an offset ({@code +01:00}), no zone (UTC), a space
     * instead of the {@code T}, or a date alone (its midnight, UTC).
     *
     * @throws IllegalArgumentException naming the option and the accepted forms.
     */
    public static long parseEpochNs(final String option, final String text)
    {
        final String value = text.trim().replace(' ', 'T');
        try
        {
            final Instant instant;
            if (value.endsWith("Z") || value.endsWith("z"))
            {
                instant = Instant.parse(value.toUpperCase(java.util.Locale.ROOT));
            }
            else if (value.length() == 10)
            {
                instant = LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            else if (value.length() > 19 && (value.charAt(value.length() - 6) == '+' || value.charAt(value.length() - 6) == '-'))
            {
                instant = OffsetDateTime.parse(value).toInstant();
            }
            else
            {
                instant = LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            }
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        }
        catch (final DateTimeParseException | ArithmeticException ex)
        {
            throw new IllegalArgumentException(option + " '" + text + "' is not an ISO-8601 time; write it like " +
                "2026-11-22T14:03:07.250Z, 2026-11-22T15:03:07.250+01:00, 2026-11-22 14:03:07 (UTC) or 2026-11-22");
        }
    }

    /** Formats like {@link Instant#toString()}; caches the date and time of day of the last second seen. */
    public void append(final StringBuilder out, final long epochNs)
    {
        final long second = Math.floorDiv(epochNs, 1_000_000_000L);
        final int nanos = (int)Math.floorMod(epochNs, 1_000_000_000L);
        if (second != cachedSecond)
        {
            final String full = Instant.ofEpochSecond(second).toString();
            cachedPrefix = full.substring(0, full.length() - 1);
            cachedSecond = second;
        }
        out.append(cachedPrefix);
        if (nanos != 0)
        {
            out.append('.');
            if (nanos % 1_000_000 == 0)
            {
                pad(out, nanos / 1_000_000, 3);
            }
            else if (nanos % 1_000 == 0)
            {
                pad(out, nanos / 1_000, 6);
            }
            else
            {
                pad(out, nanos, 9);
            }
        }
        out.append('Z');
    }

    /** Formats one time; allocates, for summaries and messages. */
    public static String format(final long epochNs)
    {
        final StringBuilder out = new StringBuilder(32);
        new IsoTime().append(out, epochNs);
        return out.toString();
    }

    private static void pad(final StringBuilder out, final int value, final int digits)
    {
        for (int scale = 1, i = 1; i < digits; i++)
        {
            scale *= 10;
            if (value < scale)
            {
                out.append('0');
            }
        }
        out.append(value);
    }
}
