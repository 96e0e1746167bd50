package io.fathom.tools.sim;

import io.fathom.codec.Venue;
import org.agrona.concurrent.ShutdownSignalBarrier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.fathom.tools.sim.SimTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

class SimCommandTest
{
    @Test
    void appliesDefaults()
    {
        final SimCommand command = new SimCommand();
        new CommandLine(command).parseArgs();
        final SimulatorConfig config = command.config();
        assertThat(config.venue()).isEqualTo(Venue.BINANCE);
        assertThat(config.symbolCount()).isEqualTo(10);
        assertThat(config.ratePerSecond()).isEqualTo(1_000);
        assertThat(config.wsPort()).isEqualTo(SimCommand.DEFAULT_WS_PORT);
        assertThat(config.restPort()).isEqualTo(SimCommand.DEFAULT_REST_PORT);
        assertThat(config.seed()).isEqualTo(1);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.faultSchedule()).isSameAs(SimFaultSchedule.NONE);
    }

    @Test
    void parsesEveryOption()
    {
        final SimCommand command = new SimCommand();
        new CommandLine(command).parseArgs(
            "--symbols", "100000", "--rate", "max", "--port", "0", "--rest-port", "0", "--seed", "-7", "--host", "localhost",
            "--venue", "Kraken-V1");
        final SimulatorConfig config = command.config();
        assertThat(config.venue()).isEqualTo(Venue.KRAKEN_V1);
        assertThat(config.symbolCount()).isEqualTo(100_000);
        assertThat(config.ratePerSecond()).isEqualTo(SimulatorConfig.RATE_MAX);
        assertThat(config.wsPort()).isZero();
        assertThat(config.restPort()).isZero();
        assertThat(config.seed()).isEqualTo(-7);
        assertThat(config.host()).isEqualTo("localhost");
    }

    @Test
    void rejectsValuesOutOfRangeNamingTheOption()
    {
        assertRejected("--symbols must be 1..100000 but was 0", "--symbols", "0");
        assertRejected("--symbols must be 1..100000 but was 100001", "--symbols", "100001");
        assertRejected("--rate must be a positive integer (1..10000000) or 'max' but was '0'", "--rate", "0");
        assertRejected("--rate must be a positive integer (1..10000000) or 'max' but was 'fast'", "--rate", "fast");
        assertRejected("--port must be 0..65535 but was 65536", "--port", "65536");
        assertRejected("--rest-port must be 0..65535 but was -1", "--rest-port", "-1");
        assertRejected("--symbols", "--symbols", "ten");
        assertRejected("--faults: bad fault item 'stall@5s': expected stall@TIME:DURATION",
            "--faults", "drop-all@1s,stall@5s");
        assertRejected("--venue: unknown venue 'ftx'; expected one of " + Venue.ids(), "--venue", "ftx");
        assertRejected("the corrupt fault needs a venue with a book checksum (kraken, kraken-v1, okx, bitget), not " +
            "coinbase", "--venue", "coinbase", "--port", "0", "--rest-port", "0", "--faults", "corrupt@1s:1");
    }

    @Test
    void parsesAFaultSchedule()
    {
        final SimCommand command = new SimCommand();
        new CommandLine(command).parseArgs("--faults", "drop-one@2s,429@3s:5:2,every=1m");
        assertThat(command.config().faultSchedule()).hasToString("drop-one@2s,429@3s:5:2,every=1m");
    }

    @Test
    void printsALineAsEachScheduledFaultFiresAfterTheUrls() throws Exception
    {
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final CommandLine commandLine = new CommandLine(new SimCommand());
        commandLine.setOut(new PrintWriter(new LineWriter(lines), true));
        final CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> commandLine.execute(
            "--symbols", "2", "--rate", "100", "--port", "0", "--rest-port", "0",
            "--faults", "drop-all@0s,429@300ms:1:9"));

        assertThat(lines.poll(10, TimeUnit.SECONDS)).startsWith("ws=ws://127.0.0.1:");
        assertThat(lines.poll(10, TimeUnit.SECONDS)).matches("fault: drop-all at \\d+\\.\\ds \\(0 connections\\)");
        assertThat(lines.poll(10, TimeUnit.SECONDS)).matches("fault: 429:1:9 at \\d+\\.\\ds");

        final ShutdownSignalBarrier trigger = new ShutdownSignalBarrier();
        trigger.signalAll();
        trigger.close();
        assertThat(exitCode.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void printsTheBoundUrlsFirstAndExitsZeroOnShutdownSignal() throws Exception
    {
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final CommandLine commandLine = new CommandLine(new SimCommand());
        commandLine.setOut(new PrintWriter(new LineWriter(lines), true));
        final CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> commandLine.execute(
            "--symbols", "3", "--rate", "100", "--port", "0", "--rest-port", "0"));

        final String first = lines.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        final Matcher matcher = Pattern.compile("ws=ws://127\\.0\\.0\\.1:(\\d+) rest=(http://127\\.0\\.0\\.1:\\d+)")
            .matcher(first);
        assertThat(matcher.matches()).as(first).isTrue();
        assertThat(get(HttpClient.newHttpClient(), matcher.group(2) + "/api/v3/depth?symbol=SYM2").statusCode())
            .isEqualTo(200);

        final ShutdownSignalBarrier trigger = new ShutdownSignalBarrier();
        trigger.signalAll();
        trigger.close();
        assertThat(exitCode.get(10, TimeUnit.SECONDS)).isZero();
    }

    private static void assertRejected(final String message, final String... args)
    {
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = new CommandLine(new SimCommand());
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(commandLine.execute(args)).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains(message);
    }

    /** Hands each complete line written to it to a queue. */
    private static final class LineWriter extends Writer
    {
        private final LinkedBlockingQueue<String> lines;
        private final StringBuilder line = new StringBuilder();

        LineWriter(final LinkedBlockingQueue<String> lines)
        {
            this.lines = lines;
        }

        public synchronized void write(final char[] buffer, final int offset, final int length)
        {
            for (int i = offset; i < offset + length; i++)
            {
                if (buffer[i] == '\n')
                {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                else if (buffer[i] != '\r')
                {
                    line.append(buffer[i]);
                }
            }
        }

        public void flush()
        {
        }

        public void close()
        {
        }
    }
}
