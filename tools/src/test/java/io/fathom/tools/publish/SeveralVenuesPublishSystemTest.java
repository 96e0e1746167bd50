package io.fathom.tools.publish;

import io.fathom.tools.ChildCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engines holding several venues publish over UDP on loopback to a {@code fathom subscribe} process, which tells
 * the venues' books apart by the venue each instrument definition carries and ends with every book equal to the
 * final book of the engine that held it, venue by venue.
 */
class SeveralVenuesPublishSystemTest
{
    private static final Pattern INSTRUMENT = Pattern.compile("\\{\"symbol\":\"([^\"]+)\"[^{}]*\"venue\":\"([^\"]+)\"}");

    @TempDir
    Path dir;

    @Test
    void oneEngineOfTwoVenuesGivesTheSubscriberEachVenuesBooks() throws Exception
    {
        final String channel = "aeron:udp?endpoint=127.0.0.1:" + ShardedPublishSystemTest.freeUdpPort();
        final Path subscriberSummary = dir.resolve("subscriber.json");
        final List<String> printed;
        try (ChildCli subscriber = ChildCli.start(List.of("subscribe", channel, "--interval", "1s",
            "--summary-json", subscriberSummary.toString())))
        {
            subscriber.awaitLine("subscribed to");
            try (ChildCli engine = ChildCli.start(demo("binance,okx", 10, channel, "engine", null)))
            {
                assertThat(engine.waitFor(90)).as("engine: %s", engine).isZero();
            }
            subscriber.signal("TERM");
            assertThat(subscriber.waitFor(30)).as("subscriber: %s", subscriber).isZero();
            printed = subscriber.lines();
        }

        final Map<String, String> engine = instruments(Files.readString(dir.resolve("engine.json")));
        assertThat(engine).hasSize(20).containsKeys("binance:SYM0", "okx:SYM0-USDT");
        assertThat(engine.values()).allMatch(entry -> entry.contains("\"valid\":true"));
        assertThat(instruments(Files.readString(subscriberSummary))).isEqualTo(engine);
        assertThat(printed).as("books printed as venue:SYMBOL when several venues are present")
            .anyMatch(line -> line.startsWith("binance:SYM")).anyMatch(line -> line.startsWith("okx:SYM"));
    }

    /** Binance USD-M and Bitget spell the simulator's instruments alike (SYM3USDT): the same symbols, two venues' books. */
    @Test
    void twoShardsOfTwoVenuesSharingSymbolsGiveTheSubscriberEveryBookOnce() throws Exception
    {
        final String channel = "aeron:udp?endpoint=127.0.0.1:" + ShardedPublishSystemTest.freeUdpPort();
        final Path subscriberSummary = dir.resolve("subscriber.json");
        try (ChildCli subscriber = ChildCli.start(List.of("subscribe", channel, "--interval", "5s",
            "--summary-json", subscriberSummary.toString())))
        {
            subscriber.awaitLine("subscribed to");
            try (ChildCli shard0 = ChildCli.start(demo("binance-usdm,bitget", 20, channel, "shard0", "0/2"));
                ChildCli shard1 = ChildCli.start(demo("binance-usdm,bitget", 20, channel, "shard1", "1/2")))
            {
                assertThat(shard0.waitFor(90)).as("shard 0: %s", shard0).isZero();
                assertThat(shard1.waitFor(90)).as("shard 1: %s", shard1).isZero();
            }
            subscriber.signal("TERM");
            assertThat(subscriber.waitFor(30)).as("subscriber: %s", subscriber).isZero();
        }

        final Map<String, String> engine0 = instruments(Files.readString(dir.resolve("shard0.json")));
        final Map<String, String> engine1 = instruments(Files.readString(dir.resolve("shard1.json")));
        assertThat(engine0.keySet()).doesNotContainAnyElementsOf(engine1.keySet());
        assertThat(engine0.size() + engine1.size()).isEqualTo(40);
        assertThat(engine0.keySet().stream().filter(key -> key.startsWith("bitget:")).map(key -> key.substring(7))
            .anyMatch(symbol -> engine1.containsKey("binance-usdm:" + symbol)))
            .as("a symbol's two books fall in shards independently, as any two books do").isTrue();
        final Map<String, String> engines = new HashMap<>(engine0);
        engines.putAll(engine1);
        assertThat(engines.values()).allMatch(entry -> entry.contains("\"valid\":true"));
        assertThat(instruments(Files.readString(subscriberSummary))).isEqualTo(engines);
    }

    private List<String> demo(final String venues, final int symbols, final String channel, final String name, final String shard)
    {
        final List<String> args = new java.util.ArrayList<>(List.of("demo", "--venues", venues, "--symbols", Integer.toString(symbols),
            "--rate", "1000", "--duration", "6s", "--quiet", "--journal", "off", "--run-dir", dir.resolve(name).toString(),
            "--publish", channel, "--summary-json", dir.resolve(name + ".json").toString()));
        if (shard != null)
        {
            args.addAll(List.of("--shard", shard));
        }
        return args;
    }

    /** Each instrument's entry by {@code venue:SYMBOL}; fails on a book listed twice or one without its venue. */
    private static Map<String, String> instruments(final String json)
    {
        final String array = json.substring(json.indexOf("\"instruments\""));
        final Map<String, String> byBook = new HashMap<>();
        final Matcher matcher = INSTRUMENT.matcher(array);
        while (matcher.find())
        {
            final String key = matcher.group(2) + ':' + matcher.group(1);
            assertThat(byBook.put(key, matcher.group())).as("%s listed once", key).isNull();
        }
        assertThat(byBook).as("every entry names its venue: %s", array).hasSize((int)array.chars().filter(c -> c == '{').count());
        return byBook;
    }
}
