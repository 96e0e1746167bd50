package io.fathom.tools.cli;

import io.fathom.engine.InvalidSettingException;
import io.fathom.engine.journal.RetentionPolicy;
import picocli.CommandLine;

/** Parses {@code --journal-retention}: {@code none}, an age, a size, or both. */
public final class RetentionConverter implements CommandLine.ITypeConverter<RetentionPolicy>
{
    @Override
    public RetentionPolicy convert(final String text)
    {
        try
        {
            return RetentionPolicy.parse(text);
        }
        catch (final InvalidSettingException ex)
        {
            throw new CommandLine.TypeConversionException(SettingFlags.message(ex));
        }
    }
}
