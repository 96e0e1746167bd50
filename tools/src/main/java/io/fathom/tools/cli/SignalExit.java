package io.fathom.tools.cli;

import org.agrona.concurrent.ShutdownSignalBarrier;

/**
 * Exit status after SIGTERM/SIGINT. Once a signal has started the JVM's shutdown, the process ends
 * with the signal's status (143, 130) whatever {@code main} returns; a command whose shutdown
 * sequence completed must report its own status instead, so it halts with it. Call this before
 * closing the {@link ShutdownSignalBarrier}, whose hook would otherwise let the JVM finish with the
 * signal's status.
 *
 * <p>{@code main} {@linkplain #install installs} the process's one barrier before anything else, so a
 * signal at any moment after is held by the barrier's hook until {@code main} or the command ends the
 * process, instead of ending it at once with nothing written.
 */
public final class SignalExit
{
    private static volatile ShutdownSignalBarrier processBarrier;

    private SignalExit()
    {
    }

    /** Installs the process's barrier; first thing in {@code main}, on the main thread. */
    public static void install()
    {
        if (processBarrier == null)
        {
            processBarrier = new ShutdownSignalBarrier();
        }
    }

    /**
     * The barrier a command waits on for SIGTERM/SIGINT: the process's, which a signal may already have
     * tripped, or a new one where none was installed (a command run in-process, as tests do).
     */
    public static ShutdownSignalBarrier barrier()
    {
        final ShutdownSignalBarrier installed = processBarrier;
        return installed != null ? installed : new ShutdownSignalBarrier();
    }

    /** Ends the process with {@code status}: releases the process's barrier (so its hook lets the JVM exit), then exits. */
    public static void exit(final int status)
    {
        haltIfSignalled(status);
        final ShutdownSignalBarrier installed = processBarrier;
        if (installed != null)
        {
            installed.close();
        }
        haltIfSignalled(status);
        System.exit(status);
    }

    /** Halts with {@code status} when the JVM is shutting down (a signal arrived); returns otherwise. */
    public static void haltIfSignalled(final int status)
    {
        if (jvmShuttingDown())
        {
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(status);
        }
    }

    /** True once a signal (or an exit) has started the JVM's shutdown: it refuses new shutdown hooks then. */
    public static boolean jvmShuttingDown()
    {
        final Thread probe = new Thread(() -> {});
        try
        {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        }
        catch (final IllegalStateException ex)
        {
            return true;
        }
    }
}
