package io.fathom.tools.cli;

import picocli.CommandLine;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a size such as {@code 64MiB}, {@code 500MB} or {@code 2GB}: {@code KB MB GB TB} are powers of 1000, {@code KiB MiB GiB TiB} of 1024. */
public final class ByteSizeConverter implements CommandLine.ITypeConverter<Long>
{
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)");

    @Override
    public Long convert(final String text)
    {
        final Matcher size = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (size.matches())
        {
            try
            {
                return new BigDecimal(size.group(1)).multiply(BigDecimal.valueOf(multiplier(size.group(2)))).longValueExact();
            }
            catch (final ArithmeticException ex)
            {
                // not a whole number of bytes, or too large: refused below
            }
        }
        throw new CommandLine.TypeConversionException("'" + text + "' is not a size in whole bytes (64MiB, 500MB, 2GB)");
    }

    private static long multiplier(final String unit)
    {
        switch (unit)
        {
            case "b":
                return 1L;
            case "kb":
                return 1_000L;
            case "mb":
                return 1_000_000L;
            case "gb":
                return 1_000_000_000L;
            case "tb":
                return 1_000_000_000_000L;
            case "kib":
                return 1L << 10;
            case "mib":
                return 1L << 20;
            case "gib":
                return 1L << 30;
            default:
                return 1L << 40;
        }
    }
}
