package io.fathom.engine;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of {@link EngineConfig.Builder#build()} that go beyond one value's range: a symbol named
 * twice, a URL's port, and whether the run and journal directories can be used. Each failure is an
 * {@link IllegalArgumentException} naming the option and what it must be, raised before the engine creates
 * a thread, a socket or a file, so that it never fails on these half way through starting.
 */
final class ConfigChecks
{
    private ConfigChecks()
    {
    }

    static void requireValid(
        final List<String> symbols, final String wsBaseUrl, final String restBaseUrl, final File runDir, final File journalDir)
    {
        final Set<String> seen = new HashSet<>();
        for (final String symbol : symbols)
        {
            require(seen.add(symbol.toUpperCase(Locale.ROOT)), "--symbols",
                "must name each symbol once, in any case (got '" + symbol + "' twice)");
        }
        requirePort("--url", wsBaseUrl);
        if (restBaseUrl != null)
        {
            requirePort("--rest-url", restBaseUrl);
        }
        requireUsableDirectory("--run-dir", runDir);
        requireUsableDirectory("--journal", journalDir);
    }

    private static void requirePort(final String option, final String url)
    {
        final URI uri;
        try
        {
            uri = new URI(url);
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalArgumentException(option + " must be a URL (got '" + url + "': " + ex.getReason() + ")");
        }
        require(uri.getHost() != null, option, "must name a host by name or address (got '" + url + "')");
        final int port = uri.getPort();
        require(port == -1 || (port >= 1 && port <= 65_535), option, "port must be 1..65535 (got " + port + ")");
    }

    /** An existing writable directory, or a path whose nearest existing ancestor is one, so it can be created. */
    private static void requireUsableDirectory(final String option, final File directory)
    {
        final File absolute = directory.getAbsoluteFile();
        if (absolute.exists())
        {
            require(absolute.isDirectory(), option, "must be a directory (" + directory + " is a file)");
            require(absolute.canWrite(), option, "must be a writable directory (" + directory + " is not writable)");
            return;
        }
        File ancestor = absolute.getParentFile();
        while (ancestor != null && !ancestor.exists())
        {
            ancestor = ancestor.getParentFile();
        }
        require(ancestor != null && ancestor.isDirectory() && ancestor.canWrite(), option,
            "must be a directory that can be created (" + directory + " cannot: " + ancestor + " is not a writable directory)");
    }

    private static void require(final boolean condition, final String option, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(option + " " + message);
        }
    }
}
