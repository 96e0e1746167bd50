package io.fathom.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline, instead of sleeping for a guessed time. Between checks the
 * waiting thread parks, from {@value #MIN_PARK_US} µs doubling up to {@value #MAX_PARK_MS} ms, so a test
 * waiting for seconds leaves the cores to the code it waits on rather than spinning one of them.
 *
 * <p>Shared by the tests of every module through the {@code fathom-codec} test jar.
 */
public final class Await
{
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final long MIN_PARK_US = 50;
    static final long MAX_PARK_MS = 10;

    private Await()
    {
    }

    public static void until(final BooleanSupplier condition, final String what)
    {
        until(condition, DEFAULT_TIMEOUT, what);
    }

    public static void until(final BooleanSupplier condition, final Duration timeout, final String what)
    {
        until(condition, timeout, () -> what);
    }

    /**
     * @param what what is awaited, asked only on a timeout, so it may describe the state at that moment.
     * @throws AssertionError when the condition is still false after {@code timeout}; the condition may
     *                        throw one itself to give up early.
     */
    public static void until(final BooleanSupplier condition, final Duration timeout, final Supplier<String> what)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        long parkNs = TimeUnit.MICROSECONDS.toNanos(MIN_PARK_US);
        final long maxParkNs = TimeUnit.MILLISECONDS.toNanos(MAX_PARK_MS);
        while (!condition.getAsBoolean())
        {
            final long remainingNs = deadlineNs - System.nanoTime();
            if (remainingNs <= 0)
            {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            LockSupport.parkNanos(Math.min(parkNs, remainingNs));
            parkNs = Math.min(parkNs * 2, maxParkNs);
        }
    }
}
