package io.fathom.tools.cli;

/**
 * Exit status after SIGTERM/SIGINT. Once a signal has started the JVM's shutdown, the process ends
 * with the signal's status (143, 130) whatever {@code main} returns; a command whose shutdown
 * sequence completed must report its own status instead, so it halts with it. Call this before
 * closing the {@link org.agrona.concurrent.ShutdownSignalBarrier}, whose hook would otherwise let
 * the JVM finish with the signal's status.
 */
public final class SignalExit
{
    private SignalExit()
    {
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

    /** The JVM refuses new shutdown hooks once its shutdown has begun. */
    static boolean jvmShuttingDown()
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
