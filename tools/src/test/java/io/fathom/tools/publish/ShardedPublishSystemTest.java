package io.fathom.tools.publish;

import io.fathom.tools.ChildCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two demo engines, shards 0/2 and 1/2 of the same 40 symbols, publish over UDP on loopback to one channel; a
 * {@code fathom subscribe} process ends with every book once, each equal to the final book of the engine that
 * held it, as the instruments arrays of their summaries say.
 */
class ShardedPublishSystemTest
{
    /** How an engine summary's instrument entry ends, and, since the stream carries the venue, a subscriber's. */
    private static final String VENUE = ",\"venue\":\"binance\"";
    private static final Pattern INSTRUMENT = Pattern.compile("\\{\"symbol\":\"([^\"]+)\"[^{}]*}");

    @TempDir
    Path dir;

    @Test
    void twoShardsGiveOneSubscriberEveryBookOnceEqualToItsEngines() throws Exception
    {
        final String channel = "aeron:udp?endpoint=127.0.0.1:" + freeUdpPort();
        final Path subscriberSummary = dir.resolve("subscriber.json");
        try (ChildCli subscriber = ChildCli.start(List.of("subscribe", channel, "--interval", "5s",
            "--summary-json", subscriberSummary.toString())))
        {
            subscriber.awaitLine("subscribed to");
            try (ChildCli shard0 = ChildCli.start(demo(channel, 0));
                ChildCli shard1 = ChildCli.start(demo(channel, 1)))
            {
                assertThat(shard0.waitFor(90)).as("shard 0: %s", shard0).isZero();
                assertThat(shard1.waitFor(90)).as("shard 1: %s", shard1).isZero();
            }
            subscriber.signal("TERM");
            assertThat(subscriber.waitFor(30)).as("subscriber: %s", subscriber).isZero();
        }

        final Map<String, String> engine0 = instruments(Files.readString(dir.resolve("shard0.json")));
        final Map<String, String> engine1 = instruments(Files.readString(dir.resolve("shard1.json")));
        final Map<String, String> subscribed = instruments(Files.readString(subscriberSummary));
        assertThat(engine0).isNotEmpty();
        assertThat(engine1).isNotEmpty();
        assertThat(engine0.keySet()).doesNotContainAnyElementsOf(engine1.keySet());
        assertThat(engine0.size() + engine1.size()).isEqualTo(40);
        final Map<String, String> engines = new HashMap<>(engine0);
        engines.putAll(engine1);
        assertThat(engines.values()).allMatch(entry -> entry.contains("\"valid\":true") && entry.endsWith(VENUE + "}"));
        assertThat(subscribed).as("the subscriber's books, venue included").isEqualTo(engines);
    }

    private List<String> demo(final String channel, final int shard)
    {
        return List.of("demo", "--symbols", "40", "--rate", "1000", "--duration", "6s", "--quiet", "--journal", "off",
            "--run-dir", dir.resolve("run" + shard).toString(), "--shard", shard + "/2", "--publish", channel,
            "--summary-json", dir.resolve("shard" + shard + ".json").toString());
    }

    /** Each instrument's entry by symbol; fails on a symbol listed twice. */
    static Map<String, String> instruments(final String json)
    {
        final Map<String, String> bySymbol = new HashMap<>();
        final Matcher matcher = INSTRUMENT.matcher(json.substring(json.indexOf("\"instruments\"")));
        while (matcher.find())
        {
            assertThat(bySymbol.put(matcher.group(1), matcher.group())).as("%s listed once", matcher.group(1)).isNull();
        }
        return bySymbol;
    }

    static int freeUdpPort() throws Exception
    {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }
}
