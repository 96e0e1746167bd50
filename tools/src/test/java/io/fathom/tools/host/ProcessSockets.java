package io.fathom.tools.host;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets another process holds, as Linux reports them in {@code /proc}: where each listens, or
 * from where to where it is connected. Readable for a process of the same user.
 */
final class ProcessSockets
{
    private static final String LISTEN = "0A";

    /** One socket: its local address, its peer (0.0.0.0:0 while listening), whether it listens. */
    record TcpSocket(InetSocketAddress local, InetSocketAddress remote, boolean listening)
    {
    }

    private ProcessSockets()
    {
    }

    static boolean available()
    {
        return Files.isDirectory(Path.of("/proc/self/fd")) && Files.isReadable(Path.of("/proc/net/tcp"));
    }

    static List<TcpSocket> of(final long pid) throws IOException
    {
        final Set<String> inodes = socketInodes(pid);
        final List<TcpSocket> sockets = new ArrayList<>();
        for (final String table : List.of("/proc/net/tcp", "/proc/net/tcp6"))
        {
            final Path path = Path.of(table);
            if (!Files.isReadable(path))
            {
                continue;
            }
            final List<String> lines = Files.readAllLines(path);
            for (final String line : lines.subList(1, lines.size()))
            {
                final String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && inodes.contains(fields[9]))
                {
                    sockets.add(new TcpSocket(address(fields[1]), address(fields[2]), LISTEN.equals(fields[3])));
                }
            }
        }
        return sockets;
    }

    private static Set<String> socketInodes(final long pid) throws IOException
    {
        final Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd")))
        {
            for (final Path fd : fds)
            {
                try
                {
                    final String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:["))
                    {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                }
                catch (final NoSuchFileException closedMeanwhile)
                {
                    // the descriptor was closed while we listed them
                }
            }
        }
        return inodes;
    }

    /** {@code 0100007F:1F90}: the address as 32-bit words in host (little-endian) order, then the port. */
    private static InetSocketAddress address(final String field) throws IOException
    {
        final String[] parts = field.split(":");
        final String hex = parts[0];
        final byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++)
        {
            for (int i = 0; i < 4; i++)
            {
                final int at = 2 * (4 * word + (3 - i));
                bytes[4 * word + i] = (byte)Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
    }
}
