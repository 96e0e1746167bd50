package io.fathom.tools.cli;

import io.fathom.tools.replay.CliRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every option of {@code run}, {@code demo}, {@code sim}, {@code replay}, {@code stat} and {@code errors}
 * is checked before anything starts: a bad value is a usage error, exit status 2, whose message names the
 * option and what it must be (its range, or its type when the text is not even of that type), and nothing
 * was created: no run or journal directory, and for the demo no simulator.
 *
 * <p>Each command line is otherwise valid and harmless: {@code run} points at a closed loopback port and
 * every engine stops after a millisecond, so a check that went missing shows as a run that started, not as
 * a hung or networked test.
 */
class OptionValidationTest
{
    /** A placeholder for a path made in the test's directory: a regular file. */
    private static final String A_FILE = "<file>";
    /** A placeholder for a path made in the test's directory: a directory. */
    private static final String A_DIRECTORY = "<directory>";
    /** A placeholder for a path under a directory that does not exist. */
    private static final String UNDER_NOTHING = "<missing>/x";

    @TempDir
    Path dir;

    static Stream<Arguments> badEngineOptions()
    {
        final List<Arguments> cases = new ArrayList<>();
        for (final String command : List.of("run", "demo"))
        {
            engineOption(cases, command, "--streams-per-connection", "must be 1..1024", "0", "1025", "-3");
            engineOption(cases, command, "--shutdown-timeout", "must be 100ms..10m", "99ms", "11m");
            engineOption(cases, command, "--pressure-depth", "must be 1..1000", "0", "1001");
            engineOption(cases, command, "--snapshot-interval", "must be 0s (never) or 100ms..24h", "99ms", "25h",
                "999999999999h");
            engineOption(cases, command, "--journal-retention", "is not 'none', an age (36h, 7d, 2w), a size", "7x", "-1d");
            engineOption(cases, command, "--journal-retention", "size must be at least 1MB", "10KB");
            engineOption(cases, command, "--journal-retention", "age must be at least 1h", "0h");
            engineOption(cases, command, "--journal-min-free", "is not a size in whole bytes", "12x", "-1MB", "0.5B");
            engineOption(cases, command, "--journal-min-free", "must be 1MiB..1TiB", "1000KB", "2TiB");
            engineOption(cases, command, "--journal-full", "must be suspend or stop", "halt", "");
            engineOption(cases, command, "--connect-rate", "must be in (0, 10000]", "0", "-1", "NaN", "Infinity", "10001");
            engineOption(cases, command, "--connect-burst", "must be 1..10000", "0", "10001");
            engineOption(cases, command, "--max-connections", "must be 1..100000", "0", "100001");
            engineOption(cases, command, "--metrics-port", "must be 0 (off) or 1..65535", "-1", "65536");
            engineOption(cases, command, "--publish", "must be an Aeron channel", "tcp://127.0.0.1:1", "aeron:pigeon");
            engineOption(cases, command, "--publish-snapshot-interval", "must be 10ms..1h", "9ms", "2h");
            engineOption(cases, command, "--publish-control", "must be off or an Aeron channel", "tcp://127.0.0.1:1",
                "aeron:udp?interface=127.0.0.1");
            engineOption(cases, command, "--publish-request-rate", "must be 1..1000000", "0", "1000001");
            engineOption(cases, command, "--aeron-dir", "must be a running media driver's directory", A_DIRECTORY);
            engineOption(cases, command, "--shard", "must be I/N with 0 <= I < N", "2/2", "-1/2", "x");
            engineOption(cases, command, "--connects-in-flight", "must be 1..10000", "0", "10001");
            engineOption(cases, command, "--stale-after", "must be 0s (never) or 100ms..24h", "99ms", "25h", "999999999999h");
            engineOption(cases, command, "--max-connection-lifetime", "must be 0s (never rotate) or 1s..720h", "999ms", "721h");
            engineOption(cases, command, "--duration", "must be 1ms..8760h", "0s", "8761h");
            engineOption(cases, command, "--run-dir", "must be a directory", A_FILE);
            engineOption(cases, command, "--journal", "must be a directory", A_FILE);
            engineOption(cases, command, "--run-dir", "must be a directory that can be created", A_FILE + "/run");
            engineOption(cases, command, "--summary-json", "must be a writable file in an existing directory",
                A_DIRECTORY, UNDER_NOTHING);
            engineOption(cases, command, "--pressure-depth", "is not an int", "ten", "1.5");
            engineOption(cases, command, "--connect-rate", "is not a double", "fast");
            engineOption(cases, command, "--shutdown-timeout", "has an unknown unit; use ms, s, m or h", "5", "5d");
            engineOption(cases, command, "--stale-after", "is not a duration; write a whole number and a unit", "-5s", "s");
            engineOption(cases, command, "--venue", "must be one of: binance, binance-usdm, binance-coinm, kraken, " +
                "kraken-v1, okx, bitget, coinbase, hyperliquid", "nasdaq", "kraken-v3");
            engineOption(cases, command, "--price-scale", "must be 0..18", "-1", "19");
            engineOption(cases, command, "--quantity-scale", "must be 0..18", "-1", "19");
            engineOption(cases, command, "--ring-full-wait", "must be 1ms..10s", "0s", "11s");
            engineOption(cases, command, "--connect-timeout", "must be 100ms..10m", "99ms", "11m");
            engineOption(cases, command, "--transport", "must be java-websocket, jdk or selector", "netty", "java-websocket2", "");
            engineOption(cases, command, "--io-threads", "must be 1..64", "0", "65");
            engineOption(cases, command, "--capture", "must be a writable file in an existing directory",
                A_DIRECTORY, UNDER_NOTHING);
        }
        engineOption(cases, "run", "--symbols", "each symbol must be 1..32 letters, digits, '_', '-', '/' or '.'",
            "btc usdt", "x".repeat(33), "btc:usdt");
        engineOption(cases, "run", "--symbols", "must name each symbol once, in any case", "btcusdt,BTCUSDT");
        engineOption(cases, "run", "--url", "must be a WebSocket URL without query", "http://127.0.0.1:9000",
            "ws://127.0.0.1:9000/path?x=1", "127.0.0.1:9000");
        engineOption(cases, "run", "--url", "port must be 1..65535", "ws://127.0.0.1:70000", "wss://127.0.0.1:0");
        engineOption(cases, "run", "--rest-url", "must be an HTTP base, scheme host and port", "ws://127.0.0.1:9001",
            "http://127.0.0.1:9001?x=1");
        engineOption(cases, "run", "--rest-url", "port must be 1..65535", "http://127.0.0.1:99999");
        engineOption(cases, "run", "--snapshot-limit", "must be 1..5000", "0", "5001");
        engineOption(cases, "run", "--snapshot-rate", "must be in (0, 100000]", "0", "100001", "NaN");
        engineOption(cases, "run", "--source", "must be venue or journal:DIR", "kafka:depth");
        engineOption(cases, "run", "--source", "no such journal directory", "journal:" + UNDER_NOTHING);
        engineOption(cases, "run", "--speed", "needs --source journal:DIR", "max");
        engineOption(cases, "demo", "--symbols", "must be 1..100000", "0", "100001");
        engineOption(cases, "demo", "--rate", "must be a positive integer (1..10000000) or 'max'", "0", "10000001", "fast");
        engineOption(cases, "demo", "--faults", "bad fault item", "boom@1s");
        engineOption(cases, "demo", "--seed", "is not a long", "one");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("badEngineOptions")
    void aBadEngineOptionIsAUsageErrorAndStartsNothing(
        final String command, final String option, final String must, final String value) throws IOException
    {
        final Map<String, String> options = new LinkedHashMap<>();
        options.put("--run-dir", dir.resolve("run").toString());
        options.put("--journal", dir.resolve("journal").toString());
        options.put("--duration", "1ms");
        if ("run".equals(command))
        {
            options.put("--symbols", "btcusdt");
            options.put("--url", "ws://127.0.0.1:1");
            options.put("--rest-url", "http://127.0.0.1:1");
        }
        else
        {
            options.put("--symbols", "2");
            options.put("--rate", "100");
        }
        options.put(option, path(value));

        final CliRun result = run(command, options);

        assertUsageError(result, option, must);
        assertThat(dir.resolve("run")).as("run directory").doesNotExist();
        assertThat(dir.resolve("journal")).as("journal directory").doesNotExist();
        assertThat(result.out()).as("a simulator started").doesNotContain("simulator:");
    }

    static Stream<Arguments> badToolOptions()
    {
        return Stream.of(
            Arguments.of(List.of("sim", "--symbols", "0"), "--symbols", "must be 1..100000"),
            Arguments.of(List.of("sim", "--symbols", "100001"), "--symbols", "must be 1..100000"),
            Arguments.of(List.of("sim", "--rate", "0"), "--rate", "must be a positive integer (1..10000000) or 'max'"),
            Arguments.of(List.of("sim", "--rate", "fast"), "--rate", "must be a positive integer (1..10000000) or 'max'"),
            Arguments.of(List.of("sim", "--port", "65536"), "--port", "must be 0..65535"),
            Arguments.of(List.of("sim", "--rest-port", "-1"), "--rest-port", "must be 0..65535"),
            Arguments.of(List.of("sim", "--port", "9555", "--rest-port", "9555"), "--rest-port", "must differ from --port"),
            Arguments.of(List.of("sim", "--host", " "), "--host", "must not be empty"),
            Arguments.of(List.of("sim", "--faults", "boom@1s"), "--faults", "bad fault item"),
            Arguments.of(List.of("sim", "--seed", "one"), "--seed", "is not a long"),
            Arguments.of(List.of("replay", UNDER_NOTHING, "--format", "xml"), "--format", "must be text, jsonl or csv"),
            Arguments.of(List.of("replay", UNDER_NOTHING, "--from", "yesterday"), "--from", "is not an ISO-8601 time"),
            Arguments.of(List.of("replay", UNDER_NOTHING, "--to", "2024-13-01T00:00:00Z"), "--to", "is not an ISO-8601 time"),
            Arguments.of(List.of("replay", UNDER_NOTHING, "--from", "2024-01-02T00:00:00Z", "--to", "2024-01-01T00:00:00Z"),
                "--from", "must not be after --to"),
            Arguments.of(List.of("replay", UNDER_NOTHING, "--symbol", "BTCUSDT", "--book-at", "2024-01-01T00:00:00Z",
                "--depth", "0"), "--depth", "must be at least 1"),
            Arguments.of(List.of("replay", UNDER_NOTHING, "--depth", "5"), "--depth", "needs --book-at"),
            Arguments.of(List.of("replay", UNDER_NOTHING, "--book-at", "2024-01-01T00:00:00Z"), "--book-at", "needs --symbol"),
            Arguments.of(List.of("replay", UNDER_NOTHING, "--summary-json", A_DIRECTORY), "--summary-json",
                "must be a writable file in an existing directory"),
            Arguments.of(List.of("replay", UNDER_NOTHING), "DIR", "no journal at"),
            Arguments.of(List.of("stat", "--interval", "99"), "--interval", "must be 100..3600000 ms"),
            Arguments.of(List.of("stat", "--interval", "3600001"), "--interval", "must be 100..3600000 ms"),
            Arguments.of(List.of("stat", "--dir", A_DIRECTORY, "--filter", "(sym"), "--filter",
                "must be a Java regular expression"),
            Arguments.of(List.of("stat", "--dir", UNDER_NOTHING), "--dir", "must be an engine's run directory"),
            Arguments.of(List.of("errors", "--dir", A_DIRECTORY), "--dir", "must be an engine's run directory"),
            Arguments.of(List.of("subscribe", "aeron:ipc", "--format", "xml"), "--format", "must be text or jsonl"),
            Arguments.of(List.of("subscribe", "aeron:ipc", "--interval", "5ms"), "--interval", "must be 10ms..1h"),
            Arguments.of(List.of("subscribe", "aeron:ipc", "--aeron-dir", A_DIRECTORY), "--aeron-dir",
                "must be a running media driver's directory"),
            Arguments.of(List.of("subscribe", "tcp://127.0.0.1:1"), "CHANNEL", "must be an Aeron channel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badToolOptions")
    void aBadToolOptionIsAUsageErrorNamingTheOption(final List<String> args, final String option, final String must)
        throws IOException
    {
        final List<String> command = new ArrayList<>();
        for (final String arg : args)
        {
            command.add(path(arg));
        }

        assertUsageError(run(command), "DIR".equals(option) ? "" : option, must);
    }

    private static void engineOption(
        final List<Arguments> cases, final String command, final String option, final String must, final String... values)
    {
        for (final String value : values)
        {
            cases.add(Arguments.of(command, option, must, value));
        }
    }

    private static void assertUsageError(final CliRun result, final String option, final String must)
    {
        assertThat(result.status()).as("exit status; %s", result).isEqualTo(2);
        final String message = result.err().lines().filter(line -> line.contains(must)).findFirst().orElse("");
        assertThat(message).as("the line saying what the option must be; %s", result).contains(must).contains(option);
    }

    private static CliRun run(final String command, final Map<String, String> options)
    {
        final List<String> args = new ArrayList<>();
        args.add(command);
        options.forEach((option, value) ->
        {
            args.add(option);
            args.add(value);
        });
        return run(args);
    }

    private static CliRun run(final List<String> args)
    {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of(args.toArray(new String[0])),
            () -> "fathom " + args + " did not end: a bad option was not refused");
    }

    /** Replaces a path placeholder with a real path in the test's directory. */
    private String path(final String value) throws IOException
    {
        if (value.startsWith(A_FILE))
        {
            final Path file = dir.resolve("a-file");
            if (!Files.exists(file))
            {
                Files.writeString(file, "not a directory");
            }
            return file + value.substring(A_FILE.length());
        }
        if (A_DIRECTORY.equals(value))
        {
            return Files.createDirectories(dir.resolve("a-directory")).toString();
        }
        if (value.contains(UNDER_NOTHING))
        {
            return value.replace(UNDER_NOTHING, dir.resolve("missing").resolve("x").toString());
        }
        return value;
    }
}
