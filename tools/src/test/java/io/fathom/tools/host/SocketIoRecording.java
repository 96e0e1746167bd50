package io.fathom.tools.host;

import io.fathom.testing.Await;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Every socket read and write of a child JVM, whatever the library or API (plain sockets, NIO channels,
 * the JDK's HTTP client), as Flight Recorder's {@code jdk.SocketRead} and {@code jdk.SocketWrite} events
 * with no duration threshold. The child records to a disk repository in {@code directory}; this side
 * streams the events from there while the child runs, so nothing depends on the child's exit.
 */
final class SocketIoRecording implements AutoCloseable
{
    private static final String SETTINGS =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
        "<configuration version=\"2.0\" label=\"Socket I/O\" description=\"Every socket read and write\" provider=\"Fathom tests\">\n" +
        "  <event name=\"jdk.SocketRead\"><setting name=\"enabled\">true</setting>" +
        "<setting name=\"stackTrace\">false</setting><setting name=\"threshold\">0 ms</setting></event>\n" +
        "  <event name=\"jdk.SocketWrite\"><setting name=\"enabled\">true</setting>" +
        "<setting name=\"stackTrace\">false</setting><setting name=\"threshold\">0 ms</setting></event>\n" +
        "</configuration>\n";

    /** One peer the child exchanged bytes with: the event's host name, IP address and port. */
    record Peer(String host, String address, int port)
    {
    }

    private final Path directory;
    private final Map<Peer, AtomicLong> peers = new ConcurrentHashMap<>();
    private EventStream stream;

    SocketIoRecording(final Path directory)
    {
        this.directory = directory;
    }

    /** The child JVM's options that start the recording; writes its settings file. */
    List<String> jvmOptions() throws IOException
    {
        final Path settings = Files.writeString(Files.createDirectories(directory).resolve("socket-io.jfc"), SETTINGS);
        final Path repository = Files.createDirectories(directory.resolve("repository"));
        return List.of(
            "-XX:StartFlightRecording:settings=" + settings,
            "-XX:FlightRecorderOptions:repository=" + repository);
    }

    /** Waits for the child's repository to hold a chunk, then streams it from its first event. */
    void start()
    {
        final Path repository = directory.resolve("repository");
        Await.until(() -> chunkDirectory(repository).isPresent(), Duration.ofSeconds(60),
            "a Flight Recorder chunk in " + repository);
        try
        {
            stream = EventStream.openRepository(chunkDirectory(repository).orElseThrow());
        }
        catch (final IOException ex)
        {
            throw new AssertionError("cannot open the child's recording in " + repository, ex);
        }
        stream.setStartTime(Instant.EPOCH);
        stream.onEvent("jdk.SocketRead", this::onEvent);
        stream.onEvent("jdk.SocketWrite", this::onEvent);
        stream.startAsync();
    }

    /** Every peer seen so far with its count of reads and writes. */
    Map<Peer, AtomicLong> peers()
    {
        return peers;
    }

    @Override
    public void close()
    {
        if (stream != null)
        {
            stream.close();
        }
    }

    private void onEvent(final RecordedEvent event)
    {
        peers.computeIfAbsent(new Peer(event.getString("host"), event.getString("address"), event.getInt("port")),
            peer -> new AtomicLong()).incrementAndGet();
    }

    private static Optional<Path> chunkDirectory(final Path repository)
    {
        try (Stream<Path> files = Files.walk(repository))
        {
            return files.filter(path -> path.toString().endsWith(".jfr")).map(Path::getParent).findFirst();
        }
        catch (final IOException | UncheckedIOException ex)
        {
            return Optional.empty();
        }
    }
}
