package io.fathom.bench.load;

import org.HdrHistogram.Histogram;

/**
 * The figures of one design at one rate and connection count, over its measurement window.
 *
 * @param rate               offered messages a second, or {@link io.fathom.tools.sim.SimulatorConfig#RATE_MAX}.
 * @param sent               depth frames the simulator sent in the window.
 * @param applied            messages of those the design applied to a book.
 * @param discarded          messages of those the design dropped on purpose, as older than its book (a
 *                           design far behind a snapshot drops what the snapshot already covers).
 * @param countsExact        whether the design had processed everything before and after the window, so
 *                           that {@code sent - applied - discarded} is what it lost.
 * @param throughput         messages applied to books a second while the simulator was sending.
 * @param receiptToApplied   frame receipt to book applied; null when the design does not apply (transport).
 * @param intendedToApplied  the simulator's scheduled send time to applied (received, for the transport);
 *                           null at {@code RATE_MAX}, where nothing is scheduled.
 * @param receiptToJournaled null for designs without a journal.
 * @param allocBytesPerSecond negative when not measured (Python).
 * @param gcPauseTotalNs  negative when not measured (Python).
 * @param cpuPercent          the design's process, percent of one core.
 * @param simulatorCpuPercent the harness's process, which is the simulator.
 * @param machineCpuPercent   every process on the machine; what the two above leave is interference.
 * @param shutdown           the design's shutdown under load, or null.
 * @param note               what went wrong or is worth knowing, empty if nothing.
 */
record PointResult(
    Design design,
    long rate,
    int connections,
    int symbols,
    double windowSeconds,
    long sent,
    long received,
    long applied,
    long discarded,
    boolean countsExact,
    double throughput,
    Histogram receiptToApplied,
    Histogram intendedToApplied,
    Histogram receiptToJournaled,
    long gcCount,
    long gcPauseTotalNs,
    long gcPauseMaxNs,
    double allocBytesPerSecond,
    double cpuPercent,
    double simulatorCpuPercent,
    double machineCpuPercent,
    long gaps,
    long unmatched,
    Shutdown shutdown,
    String note)
{
    /** Fathom's shutdown phases under load, from its ShutdownReport. */
    record Shutdown(long haltProducersMs, long drainMs, long disconnectMs, long flushMs, long totalMs, boolean clean, int books)
    {
    }

    /** CPU the machine spent on neither the design nor the simulator, percent of one core. */
    double otherCpuPercent()
    {
        return Math.max(0, machineCpuPercent - cpuPercent - simulatorCpuPercent);
    }

    /** The same figures with {@code text} added to the note. */
    PointResult withNote(final String text)
    {
        return new PointResult(design, rate, connections, symbols, windowSeconds, sent, received, applied, discarded,
            countsExact, throughput, receiptToApplied, intendedToApplied, receiptToJournaled, gcCount, gcPauseTotalNs,
            gcPauseMaxNs, allocBytesPerSecond, cpuPercent, simulatorCpuPercent, machineCpuPercent, gaps, unmatched,
            shutdown, note.isEmpty() ? text : note + "; " + text);
    }

    long lost()
    {
        return sent - applied - discarded;
    }

    boolean isMaxRate()
    {
        return rate == io.fathom.tools.sim.SimulatorConfig.RATE_MAX;
    }

    String rateLabel()
    {
        return isMaxRate() ? "max" : Long.toString(rate);
    }

    /** Whether the design kept up with a fixed rate: applied at least 90 % of it, and lost nothing. */
    boolean keptUp()
    {
        return !isMaxRate() && throughput >= 0.9 * rate && countsExact && lost() == 0;
    }
}
