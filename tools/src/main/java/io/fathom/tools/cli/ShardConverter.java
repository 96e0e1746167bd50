package io.fathom.tools.cli;

import io.fathom.engine.publish.Shard;
import picocli.CommandLine;

/** Parses {@code --shard I/N}. */
public final class ShardConverter implements CommandLine.ITypeConverter<Shard>
{
    @Override
    public Shard convert(final String text)
    {
        try
        {
            return Shard.parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.TypeConversionException("--" + ex.getMessage());
        }
    }
}
