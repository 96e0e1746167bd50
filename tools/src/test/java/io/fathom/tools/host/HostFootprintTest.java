package io.fathom.tools.host;

import io.fathom.testing.Await;
import io.fathom.tools.ChildCli;
import io.fathom.tools.host.ProcessSockets.TcpSocket;
import io.fathom.tools.host.SocketIoRecording.Peer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the demo does to the host it runs on, run as an operator runs it (main classpath only, no test
 * JVM options) in a fresh working directory with its home and temporary directories pointed at empty
 * ones, then stopped by SIGTERM.
 *
 * <ul>
 *   <li>Files: every file it leaves is in its run or journal directory; the home directory (where
 *   Chronicle's analytics would keep a client id, and JNA its cache), the temporary directory and the
 *   working directory stay empty.</li>
 *   <li>Open doors: every socket it listens on (the simulator's WebSocket and REST ports, the metrics
 *   endpoint) is bound to loopback.</li>
 *   <li>No phone-home: every byte it reads or writes on any socket, as Flight Recorder sees each
 *   socket read and write, is exchanged with loopback; and name lookups go through a hosts file that
 *   knows only localhost, so no DNS query can leave the host either.</li>
 * </ul>
 */
class HostFootprintTest
{
    private static final int SYMBOLS = 8;

    @TempDir
    Path root;

    @Test
    void theDemoWritesOnlyItsOwnDirectoriesListensOnLoopbackAndTalksOnlyToLoopback() throws Exception
    {
        assumeTrue(ProcessSockets.available(), "needs Linux's /proc to list the child's sockets");
        final Path work = Files.createDirectories(root.resolve("work"));
        final Path home = Files.createDirectories(root.resolve("home"));
        final Path tmp = Files.createDirectories(root.resolve("tmp"));
        final Path harness = Files.createDirectories(root.resolve("harness"));
        final Path run = root.resolve("run");
        final Path journal = root.resolve("journal");
        final Path hosts = Files.writeString(harness.resolve("hosts"), "127.0.0.1 localhost\n");
        final int metricsPort = freeLoopbackPort();

        try (SocketIoRecording recording = new SocketIoRecording(harness.resolve("jfr")))
        {
            final List<String> jvmOptions = Stream.concat(Stream.of(
                "-Duser.home=" + home,
                "-Djava.io.tmpdir=" + tmp,
                "-Djava.net.preferIPv4Stack=true",
                "-Djdk.net.hosts.file=" + hosts), recording.jvmOptions().stream()).collect(Collectors.toList());
            final ChildCli demo = ChildCli.startAsOperator(jvmOptions, Map.of("HOME", home.toString(), "TMPDIR", tmp.toString()),
                work.toFile(), List.of("demo", "--symbols", Integer.toString(SYMBOLS), "--rate", "2000",
                    "--streams-per-connection", "4", "--run-dir", run.toString(), "--journal", journal.toString(),
                    "--metrics-port", Integer.toString(metricsPort)));
            try (demo)
            {
                demo.awaitLine("books=" + SYMBOLS + "/" + SYMBOLS + " live");
                final int simulatorPort = simulatorWsPort(demo.lines());

                final List<TcpSocket> sockets = ProcessSockets.of(demo.pid());
                final List<TcpSocket> listening = sockets.stream().filter(TcpSocket::listening).collect(Collectors.toList());
                assertThat(listening).as("listening sockets of %s", sockets)
                    .extracting(socket -> socket.local().getPort()).contains(metricsPort, simulatorPort);
                assertThat(listening).as("every listening socket binds loopback")
                    .allSatisfy(socket -> assertThat(socket.local().getAddress().isLoopbackAddress()).as("%s", socket).isTrue());
                assertThat(sockets.stream().filter(socket -> !socket.listening()))
                    .as("every connection is to loopback").isNotEmpty()
                    .allSatisfy(socket -> assertThat(socket.remote().getAddress().isLoopbackAddress()).as("%s", socket).isTrue());

                recording.start();
                Await.until(() -> recording.peers().keySet().stream().anyMatch(peer -> peer.port() == simulatorPort),
                    Duration.ofSeconds(60), "the engine's reads from the simulator in the recording");

                demo.signal("TERM");
                assertThat(demo.waitFor(30)).as("exit status; %s", demo).isZero();
            }
            assertThat(recording.peers()).as("peers the demo exchanged bytes with").isNotEmpty();
            for (final Peer peer : recording.peers().keySet())
            {
                assertThat(isLoopback(peer.address())).as("socket I/O with %s", peer).isTrue();
            }
            assertThat(demo.lines()).noneMatch(line -> line.contains("google") || line.contains("UnknownHost"));
            assertThat(demo.err()).noneMatch(line -> line.contains("google") || line.contains("UnknownHost"));
        }

        assertThat(contents(home)).as("home directory").isEmpty();
        assertThat(contents(tmp)).as("temporary directory").isEmpty();
        assertThat(contents(work)).as("working directory").isEmpty();
        assertThat(contents(run)).as("run directory").isNotEmpty();
        assertThat(contents(journal)).as("journal directory").isNotEmpty();
        try (Stream<Path> files = Files.walk(root))
        {
            assertThat(files.filter(Files::isRegularFile).filter(file -> !file.startsWith(harness)))
                .as("files outside the run and journal directories")
                .allMatch(file -> file.startsWith(run) || file.startsWith(journal));
        }
    }

    private static int simulatorWsPort(final List<String> lines)
    {
        final Pattern url = Pattern.compile("simulator: .*ws=ws://127\\.0\\.0\\.1:(\\d+) ");
        for (final String line : lines)
        {
            final Matcher matcher = url.matcher(line);
            if (matcher.find())
            {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new AssertionError("no simulator line in " + lines);
    }

    private static int freeLoopbackPort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    private static boolean isLoopback(final String address)
    {
        try
        {
            return InetAddress.getByName(address).isLoopbackAddress();
        }
        catch (final UnknownHostException ex)
        {
            return false;
        }
    }

    private static List<Path> contents(final Path directory) throws IOException
    {
        try (Stream<Path> files = Files.walk(directory))
        {
            return files.filter(path -> !path.equals(directory)).collect(Collectors.toList());
        }
    }
}
