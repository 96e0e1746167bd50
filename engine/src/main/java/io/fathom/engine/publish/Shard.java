package io.fathom.engine.publish;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * One of {@code count} engines that share the instruments of one or several venues: it holds those whose venue
 * and symbol hash to {@code index}. The hash (CRC-32C of {@code venue:SYMBOL}, the venue id lower case, the symbol
 * upper case, mixed by MurmurHash3's finaliser) is the same in every process, so n engines publishing to one channel give a subscriber every book
 * once. The venue is hashed so that a symbol two venues hold (Binance's BTCUSDT and Binance USD-M's) is two
 * books that fall in shards independently, as any two books do, rather than always together.
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

    /** Whether this shard holds the venue's symbol (both matched ignoring case). */
    public boolean holds(final String venue, final String symbol)
    {
        final CRC32C crc = new CRC32C();
        crc.update((venue.toLowerCase(Locale.ROOT) + ':' + symbol.toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
        return Integer.remainderUnsigned(mix((int)crc.getValue()), count) == index;
    }

    /**
     * MurmurHash3's 32-bit finaliser. A CRC is linear: two venues' CRCs of one symbol differ by a constant that
     * depends only on the venues and the symbol's length, so without mixing a symbol's books on two venues would
     * fall in shards in lockstep.
     */
    private static int mix(final int crc)
    {
        int h = crc;
        h ^= h >>> 16;
        h *= 0x85EB_CA6B;
        h ^= h >>> 13;
        h *= 0xC2B2_AE35;
        h ^= h >>> 16;
        return h;
    }

    /** The venue's symbols this shard holds, in their order. */
    public List<String> filter(final String venue, final List<String> symbols)
    {
        return symbols.stream().filter(symbol -> holds(venue, symbol)).toList();
    }

    @Override
    public String toString()
    {
        return index + "/" + count;
    }
}
