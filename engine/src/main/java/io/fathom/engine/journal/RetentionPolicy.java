package io.fathom.engine.journal;

import io.fathom.engine.InvalidSettingException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much journal to keep: whole roll-cycle files older than an age, or the oldest files beyond a
 * total size, or both (whichever deletes more). The file of the current cycle is never deleted.
 *
 * <p>Written as {@code none}, an age ({@code 36h}, {@code 7d}, {@code 2w}), a size ({@code 500MB},
 * {@code 50GB}, {@code 1.5TB}; {@code KB MB GB TB} are powers of 1000, {@code KiB MiB GiB TiB} powers
 * of 1024) or both joined by a comma ({@code 7d,50GB}).
 *
 * @param maxAge   delete a file once its whole cycle ended longer ago than this; null for no age limit.
 * @param maxBytes delete the oldest files while all of them together are larger; 0 for no size limit.
 */
public record RetentionPolicy(Duration maxAge, long maxBytes)
{
    /** Keeps everything. */
    public static final RetentionPolicy NONE = new RetentionPolicy(null, 0);
    public static final Duration MIN_AGE = Duration.ofHours(1);
    public static final long MIN_BYTES = 1_000_000L;

    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([hdw])");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15}(?:\\.\\d{1,6})?)(b|kb|mb|gb|tb|kib|mib|gib|tib)");

    public RetentionPolicy
    {
        if (maxAge != null && maxAge.compareTo(MIN_AGE) < 0)
        {
            throw new InvalidSettingException("journalRetention", "age must be at least 1h (got " + maxAge + ")");
        }
        if (maxBytes != 0 && maxBytes < MIN_BYTES)
        {
            throw new InvalidSettingException("journalRetention", "size must be at least 1MB (got " + maxBytes + " bytes)");
        }
    }

    /** Whether nothing is ever deleted ({@code none}). */
    public boolean keepsEverything()
    {
        return maxAge == null && maxBytes == 0;
    }

    /**
     * Parses the command-line form.
     *
     * @throws InvalidSettingException naming {@code journalRetention} and the accepted forms.
     */
    public static RetentionPolicy parse(final String text)
    {
        final String value = text.trim().toLowerCase(Locale.ROOT);
        if ("none".equals(value))
        {
            return NONE;
        }
        Duration age = null;
        long bytes = 0;
        for (final String term : value.split(",", -1))
        {
            final Matcher ageMatch = AGE.matcher(term.trim());
            final Matcher sizeMatch = SIZE.matcher(term.trim());
            if (ageMatch.matches() && age == null)
            {
                final long amount = Long.parseLong(ageMatch.group(1));
                age = "h".equals(ageMatch.group(2)) ? Duration.ofHours(amount) :
                    "d".equals(ageMatch.group(2)) ? Duration.ofDays(amount) : Duration.ofDays(7 * amount);
            }
            else if (sizeMatch.matches() && bytes == 0)
            {
                bytes = bytes(sizeMatch.group(1), sizeMatch.group(2), text);
            }
            else
            {
                throw new InvalidSettingException("journalRetention", "'" + text + "' is not 'none', an age (36h, 7d, 2w), " +
                    "a size (500MB, 50GB, 2TiB) or one of each joined by a comma (7d,50GB)");
            }
        }
        return new RetentionPolicy(age, bytes);
    }

    private static long bytes(final String number, final String unit, final String text)
    {
        final long multiplier;
        switch (unit)
        {
            case "b":
                multiplier = 1L;
                break;
            case "kb":
                multiplier = 1_000L;
                break;
            case "mb":
                multiplier = 1_000_000L;
                break;
            case "gb":
                multiplier = 1_000_000_000L;
                break;
            case "tb":
                multiplier = 1_000_000_000_000L;
                break;
            case "kib":
                multiplier = 1L << 10;
                break;
            case "mib":
                multiplier = 1L << 20;
                break;
            case "gib":
                multiplier = 1L << 30;
                break;
            default:
                multiplier = 1L << 40;
        }
        try
        {
            return new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier)).longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            throw new InvalidSettingException("journalRetention", "'" + text + "' is not a whole number of bytes or is too large");
        }
    }

    @Override
    public String toString()
    {
        if (keepsEverything())
        {
            return "none";
        }
        final StringBuilder text = new StringBuilder();
        if (maxAge != null)
        {
            text.append(maxAge.toHours() % 24 == 0 ? maxAge.toDays() + "d" : maxAge.toHours() + "h");
        }
        if (maxBytes != 0)
        {
            text.append(text.length() > 0 ? "," : "").append(maxBytes).append('B');
        }
        return text.toString();
    }
}
