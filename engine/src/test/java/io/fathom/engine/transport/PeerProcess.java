package io.fathom.engine.transport;

import io.fathom.testing.Await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A running independent WebSocket peer (scripts in {@code src/test/peers/}): its port, and the lines it printed
 * after it, read by a thread of its own. None of the test JVM's standard streams reach the peer or npm: under
 * Surefire they are the fork's command and event channels; the peer's errors go to a file under {@code target/}.
 */
final class PeerProcess
{
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Which peer: the npm {@code ws} server or Python's {@code websockets}. */
    enum Kind
    {
        NODE_WS, PYTHON_WEBSOCKETS
    }

    private final Process process;
    private final int port;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private PeerProcess(final Process process, final int port)
    {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a peer, skipping the test (saying why) when its interpreter or library is missing.
     *
     * @param tls the PEM certificate and key to serve {@code wss://} with; null for {@code ws://}.
     */
    static PeerProcess start(final Kind kind, final TestCertificates.Pem tls) throws IOException
    {
        final List<String> tlsArgs = tls == null ? List.of() : List.of(tls.certificate().toString(), tls.key().toString());
        final String suffix = tls == null ? "" : "-tls";
        return kind == Kind.NODE_WS ? startNode(tlsArgs, suffix) : startPython(tlsArgs, suffix);
    }

    int port()
    {
        return port;
    }

    void stop()
    {
        process.destroyForcibly();
    }

    String awaitLine(final String prefix)
    {
        Await.until(() -> lines.stream().anyMatch(line -> line.startsWith(prefix)), TIMEOUT,
            () -> "the peer to print '" + prefix + "...'; it printed " + lines);
        return lines.stream().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow();
    }

    private static PeerProcess startNode(final List<String> tlsArgs, final String suffix) throws IOException
    {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are not installed: the npm ws peer tests are skipped");
        final Path dir = Path.of("target", "ws-peer");
        Files.createDirectories(dir);
        for (final String file : List.of("package.json", "package-lock.json", "ws-peer.js"))
        {
            Files.copy(Path.of("src", "test", "peers", "node", file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(dir.resolve("node_modules/ws/package.json")))
        {
            // node sets an inherited stdin pipe non-blocking, which breaks the Surefire fork's command reader
            final Path log = dir.resolve("npm-ci.log");
            final Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            install.getOutputStream().close();
            assertThat(waitFor(install)).as("npm ci of the ws peer (see %s)", log.toAbsolutePath()).isZero();
        }
        final List<String> command = new ArrayList<>(List.of("node", "ws-peer.js"));
        command.addAll(tlsArgs);
        return run(new ProcessBuilder(command).directory(dir.toFile()), dir.resolve("ws-peer" + suffix + ".err"));
    }

    private static PeerProcess startPython(final List<String> tlsArgs, final String suffix) throws IOException
    {
        final String python = new File("/usr/bin/python3").canExecute() ? "/usr/bin/python3" : "python3";
        assumeTrue(onPath(python), "python3 is not installed: the Python websockets peer tests are skipped");
        assumeTrue(succeeds(new ProcessBuilder(python, "-c", "import websockets")),
            "Python's websockets is not installed (Debian: python3-websockets, which .ci/run installs): " +
            "the Python websockets peer tests are skipped");
        final List<String> command = new ArrayList<>(
            List.of(python, "-u", Path.of("src", "test", "peers", "websockets_peer.py").toString()));
        command.addAll(tlsArgs);
        return run(new ProcessBuilder(command), Path.of("target", "websockets-peer" + suffix + ".err"));
    }

    private static PeerProcess run(final ProcessBuilder command, final Path errors) throws IOException
    {
        final Process process = command.redirectError(errors.toFile()).start();
        process.getOutputStream().close();
        final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        final String first = out.readLine();
        assertThat(first).as("the peer's first line (is its WebSocket library installed? see %s)", errors.toAbsolutePath())
            .startsWith("port ");
        final PeerProcess peer = new PeerProcess(process, Integer.parseInt(first.substring("port ".length()).trim()));
        final Thread reader = new Thread(() ->
        {
            try
            {
                String line;
                while ((line = out.readLine()) != null)
                {
                    peer.lines.add(line);
                }
            }
            catch (final IOException ignored)
            {
                // the peer was stopped
            }
        }, "peer-output");
        reader.setDaemon(true);
        reader.start();
        return peer;
    }

    private static boolean onPath(final String command)
    {
        return succeeds(new ProcessBuilder(command, "--version"));
    }

    private static boolean succeeds(final ProcessBuilder command)
    {
        try
        {
            return waitFor(command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()) == 0;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static int waitFor(final Process process)
    {
        try
        {
            if (!process.waitFor(2, TimeUnit.MINUTES))
            {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
