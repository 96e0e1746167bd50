package io.fathom.tools;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, instead of sleeping for a guessed time. */
public final class Await
{
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private Await()
    {
    }

    public static void until(final BooleanSupplier condition, final String what)
    {
        until(condition, DEFAULT_TIMEOUT, what);
    }

    public static void until(final BooleanSupplier condition, final Duration timeout, final String what)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
