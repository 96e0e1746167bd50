package io.fathom.engine;

import java.util.List;

/**
 * What the shutdown sequence did: each phase's duration and whether it finished by the deadline.
 *
 * @param threadName the thread that ran the sequence (the main thread, for the command line).
 * @param failures   one line per phase that did not complete, empty when clean.
 */
public record ShutdownReport(
    long haltProducersMs,
    long drainMs,
    long disconnectMs,
    long flushMs,
    long closeMs,
    long totalMs,
    boolean haltProducersComplete,
    boolean drainComplete,
    boolean disconnectComplete,
    boolean flushComplete,
    boolean closeComplete,
    String threadName,
    List<String> failures)
{
    public boolean clean()
    {
        return haltProducersComplete && drainComplete && disconnectComplete && flushComplete && closeComplete;
    }
}
