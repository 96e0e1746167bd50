package io.fathom.engine.publish;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * One of {@code count} engines that share a venue's instruments: it holds those whose symbol hashes to
 * {@code index}. The hash (CRC-32C of the upper-case symbol) is the same in every process, so n engines
 * publishing to one channel give a subscriber every book once.
 */
public record Shard(int index, int count)
{
    public Shard
    {
        if (count < 1 || index < 0 || index >= count)
        {
            throw new IllegalArgumentException("shard must be I/N with 0 <= I < N (got " + index + "/" + count + ")");
        }
    }

    /** Parses {@code I/N}. */
    public static Shard parse(final String text)
    {
        final int slash = text.indexOf('/');
        try
        {
            if (slash > 0)
            {
                return new Shard(Integer.parseInt(text.substring(0, slash).trim()), Integer.parseInt(text.substring(slash + 1).trim()));
            }
        }
        catch (final NumberFormatException ignored)
        {
            // refused below, with the text
        }
        throw new IllegalArgumentException("shard must be I/N with 0 <= I < N (got '" + text + "')");
    }

    /** Whether this shard holds the symbol (matched ignoring case). */
    public boolean holds(final String symbol)
    {
        final CRC32C crc = new CRC32C();
        crc.update(symbol.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % count == index;
    }

    /** The symbols this shard holds, in their order. */
    public List<String> filter(final List<String> symbols)
    {
        return symbols.stream().filter(this::holds).toList();
    }

    @Override
    public String toString()
    {
        return index + "/" + count;
    }
}
