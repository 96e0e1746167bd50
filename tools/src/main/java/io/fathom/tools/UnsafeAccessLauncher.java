package io.fathom.tools;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * On JDK 24 and later the JVM warns, unless told otherwise at start, when a library reads memory
 * through {@code sun.misc.Unsafe}, as Chronicle does. A jar manifest cannot carry that option, so
 * when it is missing the command restarts itself once with
 * {@code --sun-misc-unsafe-memory-access=allow}, passing on its arguments, standard streams,
 * SIGTERM/SIGINT and exit status.
 */
final class UnsafeAccessLauncher
{
    private static final String OPTION = "--sun-misc-unsafe-memory-access";
    private static final String RELAUNCHED = "fathom.relaunched";

    private UnsafeAccessLauncher()
    {
    }

    /** @return true when this JVM should hand over to a child started with the option. */
    static boolean needsRelaunch()
    {
        if (Runtime.version().feature() < 24 || System.getProperty(RELAUNCHED) != null)
        {
            return false;
        }
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith(OPTION))
            {
                return false;
            }
        }
        return jarPath() != null;
    }

    /** Runs the same command in a child JVM and returns its exit status. */
    static int relaunch(final String[] args) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(OPTION + "=allow");
        command.add("-D" + RELAUNCHED + "=true");
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-jar");
        command.add(jarPath());
        command.addAll(List.of(args));
        final Process child = new ProcessBuilder(command).inheritIO().start();
        final Thread forwardSignal = new Thread(() ->
        {
            child.destroy();
            try
            {
                Runtime.getRuntime().halt(child.waitFor());
            }
            catch (final InterruptedException ex)
            {
                Runtime.getRuntime().halt(1);
            }
        }, "fathom-forward-signal");
        Runtime.getRuntime().addShutdownHook(forwardSignal);
        final int status = child.waitFor();
        try
        {
            Runtime.getRuntime().removeShutdownHook(forwardSignal);
        }
        catch (final IllegalStateException shuttingDown)
        {
            forwardSignal.join();
        }
        return status;
    }

    private static String jarPath()
    {
        final String classPath = System.getProperty("java.class.path", "");
        return classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator) ? classPath : null;
    }
}
