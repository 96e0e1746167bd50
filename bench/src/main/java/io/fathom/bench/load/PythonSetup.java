package io.fathom.bench.load;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the system Python can run the asyncio baseline: {@code /usr/bin/python3} (3.11 or newer, for
 * {@code asyncio.TaskGroup}) with Debian's {@code python3-websockets}, installing the package with
 * apt-get when it is missing, as root or through {@code sudo -n}.
 */
final class PythonSetup
{
    static final String PYTHON = "/usr/bin/python3";
    static final String PACKAGE = "python3-websockets";
    private static final long INSTALL_TIMEOUT_MINUTES = 10;

    private PythonSetup()
    {
    }

    /**
     * @return null when the baseline can run, else why not (after trying to install what is missing).
     */
    static String ensure(final Appendable log) throws IOException, InterruptedException
    {
        if (!new File(PYTHON).canExecute())
        {
            return PYTHON + " not found (Debian: apt-get install python3)";
        }
        if (run(log, List.of(PYTHON, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)")) != 0)
        {
            return PYTHON + " is older than 3.11 (asyncio.TaskGroup)";
        }
        if (hasWebsockets(log))
        {
            return null;
        }
        final List<String> prefix = new ArrayList<>();
        if (!isRoot())
        {
            if (run(log, List.of("sudo", "-n", "true")) != 0)
            {
                return PACKAGE + " is missing and neither root nor password-less sudo can install it: " +
                    "run 'sudo apt-get install -y " + PACKAGE + "'";
            }
            prefix.addAll(List.of("sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive"));
        }
        log.append("installing ").append(PACKAGE).append(" with apt-get\n");
        final List<String> install = new ArrayList<>(prefix);
        install.addAll(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends", PACKAGE));
        if (run(log, install) != 0)
        {
            final List<String> update = new ArrayList<>(prefix);
            update.addAll(List.of("apt-get", "update", "-q"));
            run(log, update);
            run(log, install);
        }
        return hasWebsockets(log) ? null : "apt-get could not install " + PACKAGE + " (see the log above)";
    }

    private static boolean hasWebsockets(final Appendable log) throws IOException, InterruptedException
    {
        return run(log, List.of(PYTHON, "-c", "import websockets")) == 0;
    }

    private static boolean isRoot() throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        final String uid = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        process.waitFor();
        return "0".equals(uid);
    }

    private static int run(final Appendable log, final List<String> command) throws IOException, InterruptedException
    {
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        final Process process;
        try
        {
            process = builder.start();
        }
        catch (final IOException ex)
        {
            log.append(String.join(" ", command)).append(": ").append(ex.getMessage()).append('\n');
            return -1;
        }
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES))
        {
            process.destroyForcibly();
            log.append(String.join(" ", command)).append(": timed out\n");
            return -1;
        }
        if (process.exitValue() != 0 && !output.isBlank())
        {
            log.append(output);
        }
        return process.exitValue();
    }
}
