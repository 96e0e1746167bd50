package io.fathom.tools.cli;

import picocli.CommandLine;

import java.time.Duration;

/** Parses duration options written as a number and a unit ({@link Durations}); a bad one is a usage error. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration>
{
    @Override
    public Duration convert(final String text)
    {
        return parse(text);
    }

    public static Duration parse(final String text)
    {
        try
        {
            return Durations.parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.TypeConversionException(ex.getMessage());
        }
    }
}
