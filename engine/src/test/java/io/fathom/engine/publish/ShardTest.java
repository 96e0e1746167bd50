package io.fathom.engine.publish;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShardTest
{
    private static final List<String> VENUES = List.of("binance", "binance-usdm", "bitget");

    @Test
    void everyVenuesSymbolIsHeldByExactlyOneShard()
    {
        final List<String> symbols = symbols(200);
        for (final int count : new int[] {1, 2, 3, 7})
        {
            final Set<String> held = new HashSet<>();
            int total = 0;
            for (int index = 0; index < count; index++)
            {
                final Shard shard = new Shard(index, count);
                for (final String venue : VENUES)
                {
                    for (final String symbol : shard.filter(venue, symbols))
                    {
                        held.add(venue + ':' + symbol);
                        total++;
                    }
                }
            }
            assertThat(total).as("%d shards hold each book once", count).isEqualTo(VENUES.size() * symbols.size());
            assertThat(held).hasSize(VENUES.size() * symbols.size());
        }
    }

    @Test
    void theVenueIsHashedSoASymbolOfTwoVenuesFallsInShardsIndependently()
    {
        final Shard shard = new Shard(0, 2);
        final List<String> symbols = symbols(200);
        int split = 0;
        for (final String symbol : symbols)
        {
            if (shard.holds("binance", symbol) != shard.holds("binance-usdm", symbol))
            {
                split++;
            }
        }
        assertThat(split).as("symbols whose two venues' books fall in different shards").isBetween(60, 140);
    }

    @Test
    void matchesIgnoringCaseAndIsTheSameInEveryProcess()
    {
        final Shard shard = new Shard(1, 2);
        for (final String symbol : symbols(50))
        {
            assertThat(shard.holds("BINANCE", symbol.toLowerCase(java.util.Locale.ROOT))).isEqualTo(shard.holds("binance", symbol));
        }
        // "binance:SYM0" hashes even, "okx:SYM0-USDT" odd: a fixed hash, not one of this JVM
        assertThat(new Shard(0, 2).holds("binance", "SYM0")).isTrue();
        assertThat(new Shard(1, 2).holds("okx", "SYM0-USDT")).isTrue();
    }

    private static List<String> symbols(final int count)
    {
        final List<String> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            symbols.add("SYM" + i + "USDT");
        }
        return symbols;
    }
}
