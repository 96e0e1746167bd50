package io.fathom.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A design's process and the harness's side of its line protocol (see {@link LoadClient}): commands go
 * to its standard input, {@value LoadClient#PREFIX} lines from its standard output come back as JSON,
 * and everything else it prints goes to its log file.
 */
final class ChildProcess implements AutoCloseable
{
    private static final long EXIT_WAIT_MS = 10_000;
    /** Processes still running, killed if the harness itself is stopped (Ctrl-C, SIGTERM). */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static
    {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "load-children-kill"));
    }

    private final String name;
    private final Process process;
    private final PrintWriter commands;
    private final LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final Writer log;
    private final long startNs = System.nanoTime();

    private ChildProcess(final String name, final Process process, final File log) throws IOException
    {
        this.name = name;
        this.process = process;
        RUNNING.add(process);
        this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII), true);
        this.log = Files.newBufferedWriter(log.toPath(), StandardCharsets.UTF_8);
        this.reader = new Thread(this::pump, "load-child-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static ChildProcess start(final String name, final List<String> command, final File log) throws IOException
    {
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        return new ChildProcess(name, builder.start(), log);
    }

    /** Adds a line to the process's log, stamped with the seconds since it started. */
    void log(final String line)
    {
        write(String.format(java.util.Locale.ROOT, "[harness %7.3f s] %s", (System.nanoTime() - startNs) / 1e9, line));
    }

    boolean isAlive()
    {
        return process.isAlive();
    }

    /** Waits for the unsolicited {@code ready} line. */
    JsonNode await(final long timeoutMs) throws IOException, InterruptedException
    {
        return await("ready", timeoutMs);
    }

    private JsonNode await(final String what, final long timeoutMs) throws IOException, InterruptedException
    {
        final String line = replies.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (line == null)
        {
            throw new IOException(name + ": no '" + what + "' within " + timeoutMs + " ms" +
                (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")"));
        }
        final JsonNode reply = LoadClient.JSON.readTree(line);
        if (reply.has("error"))
        {
            throw new IOException(name + ": " + reply.get("error").asText());
        }
        return reply;
    }

    /** Sends a command and waits for its reply. */
    JsonNode call(final String command, final long timeoutMs) throws IOException, InterruptedException
    {
        commands.println(command);
        if (commands.checkError())
        {
            throw new IOException(name + ": cannot send '" + command + "', the process has gone");
        }
        return await(command, timeoutMs);
    }

    /** Closes its standard input and waits for it to exit, killing it if it does not. */
    @Override
    public void close()
    {
        commands.close();
        try
        {
            if (!process.waitFor(EXIT_WAIT_MS, TimeUnit.MILLISECONDS))
            {
                process.destroy();
                if (!process.waitFor(EXIT_WAIT_MS, TimeUnit.MILLISECONDS))
                {
                    process.destroyForcibly().waitFor();
                }
            }
            reader.join(EXIT_WAIT_MS);
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        finally
        {
            RUNNING.remove(process);
        }
    }

    private void pump()
    {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                if (line.startsWith(LoadClient.PREFIX))
                {
                    replies.add(line.substring(LoadClient.PREFIX.length()));
                }
                else
                {
                    write(line);
                }
            }
        }
        catch (final IOException ex)
        {
            replies.add("{\"error\":\"" + ex.toString().replace('"', '\'') + "\"}");
        }
        finally
        {
            synchronized (log)
            {
                try
                {
                    log.close();
                }
                catch (final IOException ignore)
                {
                    // nothing more can be logged
                }
            }
        }
    }

    private void write(final String line)
    {
        synchronized (log)
        {
            try
            {
                log.write(line);
                log.write('\n');
                log.flush();
            }
            catch (final IOException ignore)
            {
                // the log is closed once the process has gone; the line is of no further use
            }
        }
    }
}
