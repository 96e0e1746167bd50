package io.fathom.bench.scale;

import java.util.Locale;

/**
 * What one demo run at one number of symbols measured.
 *
 * @param symbols         instruments, one feed each.
 * @param allLiveMs       from launching the process to a progress line with every book live; -1 when not
 *                        within the harness's bound.
 * @param booksLive       books live on the last progress line before the hold ended.
 * @param booksValid      books valid at the end, from the demo's summary.
 * @param rssMb           resident set of the demo's process at the end of the hold, from /proc.
 * @param heapAfterGcMb   heap in use right after a full collection at the end of the hold.
 * @param steadyP50Us     receipt-to-applied latency over the hold (from the run's latency.hlog), p50.
 * @param steadyP99Us     the same, p99.
 * @param runP99Us        the whole run's p99 from the summary, start-up and sync included.
 * @param sigtermToExitMs from sending SIGTERM to the process's exit.
 * @param engineShutdownMs the engine's own shutdown sequence, from the summary.
 * @param exitCode        the process's exit status after SIGTERM.
 * @param statMs          {@code fathom stat --dir} against the running engine, median of three, a whole JVM each.
 * @param jvmBaselineMs   {@code fathom --help} the same way: the share of {@code statMs} that is JVM start.
 * @param statInProcessMs the same stat inside the harness's JVM once warm (median of the last three of five):
 *                        its reading and printing alone.
 */
record ScalePoint(
    int symbols,
    long allLiveMs,
    int booksLive,
    long booksValid,
    double rssMb,
    double heapAfterGcMb,
    double steadyP50Us,
    double steadyP99Us,
    double runP99Us,
    long sigtermToExitMs,
    long engineShutdownMs,
    int exitCode,
    long statMs,
    long jvmBaselineMs,
    long statInProcessMs)
{
    static final String CSV_HEADER = "symbols,all_live_ms,books_live,books_valid,rss_mb,heap_after_gc_mb,steady_p50_us," +
        "steady_p99_us,run_p99_us,sigterm_to_exit_ms,engine_shutdown_ms,exit_code,stat_ms,jvm_baseline_ms,stat_in_process_ms";

    String csv()
    {
        return String.format(Locale.ROOT, "%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%d,%d,%d,%d,%d,%d", symbols, allLiveMs, booksLive,
            booksValid, rssMb, heapAfterGcMb, steadyP50Us, steadyP99Us, runP99Us, sigtermToExitMs, engineShutdownMs, exitCode,
            statMs, jvmBaselineMs, statInProcessMs);
    }
}
