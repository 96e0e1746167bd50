package io.fathom.tools.cli;

import io.fathom.tools.replay.CliRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code run --feed VENUE:SYMBOLS} with its endpoint options, and {@code demo --venues}: a bad combination is a usage
 * error, exit status 2, naming the option and what it must be, before a directory is made or a simulator started.
 */
class FeedOptionValidationTest
{
    @TempDir
    Path dir;

    static Stream<Arguments> badFeedOptions()
    {
        return Stream.of(
            Arguments.of(List.of("run", "--feed", "okx"), "--feed", "must be VENUE:SYMBOL,SYMBOL"),
            Arguments.of(List.of("run", "--feed", "okx:"), "--feed", "must be VENUE:SYMBOL,SYMBOL"),
            Arguments.of(List.of("run", "--feed", ":BTC-USDT"), "--feed", "must be VENUE:SYMBOL,SYMBOL"),
            Arguments.of(List.of("run", "--feed", "nasdaq:AAPL"), "--feed", "venue must be one of"),
            Arguments.of(List.of("run", "--feed", "okx:A-B,,C-D"), "--feed", "has an empty symbol"),
            Arguments.of(List.of("run", "--feed", "okx:A-B", "--feed", "okx:a-b"), "--feed", "names okx:a-b twice"),
            Arguments.of(List.of("run", "--feed", "okx:BTC-USDT%", "--feed-url", "okx=ws://127.0.0.1:1"), "--feed",
                "venue okx: symbols each symbol must be 1..32 letters"),
            Arguments.of(List.of("run", "--feed", "binance:BTCUSDT", "--feed", "okx:A-B", "--feed-url", "okx=http://127.0.0.1:1",
                "--feed-url", "binance=ws://127.0.0.1:1"), "--feed", "venue okx: url must be a WebSocket URL"),
            Arguments.of(List.of("run", "--feed", "binance:BTCUSDT", "--feed-url", "binance=http://127.0.0.1:1"), "--feed",
                "venue binance: url must be a WebSocket URL"),
            Arguments.of(List.of("run", "--feed", "okx:A-B", "--feed-url", "binance=ws://127.0.0.1:1"), "--feed-url",
                "names venue 'binance' that no --feed holds"),
            Arguments.of(List.of("run", "--feed", "okx:A-B", "--feed-rest-url", "kraken=http://127.0.0.1:1"), "--feed-rest-url",
                "names venue 'kraken' that no --feed holds"),
            Arguments.of(List.of("run", "--feed-url", "okx=ws://127.0.0.1:1"), "--feed-url", "need --feed VENUE:SYMBOLS"),
            Arguments.of(List.of("run", "--feed", "okx:A-B", "--symbols", "BTCUSDT"), "--symbols", "cannot be combined with --feed"),
            Arguments.of(List.of("run", "--feed", "okx:A-B", "--venue", "okx"), "--venue", "cannot be combined with --feed"),
            Arguments.of(List.of("run", "--feed", "okx:A-B", "--url", "ws://127.0.0.1:1"), "--url", "cannot be combined with --feed"),
            Arguments.of(List.of("run", "--feed", "okx:A-B", "--shard", "0/2"), "--shard", "0/2 holds none of the 1 symbols of 1 venues"),
            Arguments.of(List.of("run", "--feed", "okx:A-B", "--source", "journal:" + "<dir>"), "--feed", "needs --source venue"),
            Arguments.of(List.of("run", "--feed", "okx:A-B", "--feed", "binance:C", "--capture", "<dir>/c.txt"), "--capture",
                "records one venue's frames: it cannot be used with several venues"),
            Arguments.of(List.of("demo", "--venues", "binance,nasdaq"), "--venues", "must name venues among"),
            Arguments.of(List.of("demo", "--venues", "okx,OKX"), "--venues", "names okx twice"),
            Arguments.of(List.of("demo", "--venues", "binance,okx", "--venue", "okx"), "--venues", "cannot be combined"),
            Arguments.of(List.of("demo", "--venues", "binance,okx", "--symbols", "1", "--shard", "0/1000"), "--shard",
                "0/1000 holds none of the symbols of 2 venues"),
            Arguments.of(List.of("demo", "--venues", "binance,okx", "--symbols", "0"), "--symbols", "must be 1..100000"),
            Arguments.of(List.of("demo", "--venues", "binance,okx", "--streams-per-connection", "0"), "--streams-per-connection",
                "must be 1..1024"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFeedOptions")
    void aBadFeedOptionIsAUsageErrorAndStartsNothing(final List<String> args, final String option, final String must)
    {
        final List<String> command = new ArrayList<>();
        for (final String arg : args)
        {
            command.add(arg.replace("<dir>", dir.toString()));
        }
        command.addAll(List.of("--run-dir", dir.resolve("run").toString(), "--journal", dir.resolve("journal").toString(),
            "--duration", "1ms", "--quiet"));

        final CliRun result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of(command.toArray(new String[0])),
            () -> "fathom " + command + " did not end: a bad option was not refused");

        assertThat(result.status()).as("exit status; %s", result).isEqualTo(2);
        final String message = result.err().lines().filter(line -> line.contains(must)).findFirst().orElse("");
        assertThat(message).as("the line saying what the option must be; %s", result).contains(must).contains(option);
        assertThat(dir.resolve("run")).as("run directory").doesNotExist();
        assertThat(dir.resolve("journal")).as("journal directory").doesNotExist();
        assertThat(result.out()).as("a simulator started").doesNotContain("simulator:");
    }
}
