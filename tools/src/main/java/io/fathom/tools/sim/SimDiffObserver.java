package io.fathom.tools.sim;

/**
 * Told of every diff on the generator thread just before it is sent, with the {@link System#nanoTime()}
 * at which the schedule wanted it sent: at a fixed rate diff k is due at start + k / rate (a pause, or a
 * generator more than a second late, restarts the schedule from then). A load harness measures from this
 * intended time rather than from when a late generator got round to sending, so that its latency is not
 * hidden by coordinated omission. At {@link SimulatorConfig#RATE_MAX} nothing is scheduled and the due
 * time is when the diff was generated.
 *
 * <p>Runs on the generator thread for every diff, listened to or not: it must be quick and must not block.
 */
@FunctionalInterface
public interface SimDiffObserver
{
    SimDiffObserver NONE = (symbolIndex, firstUpdateId, lastUpdateId, dueNs) -> {};

    /**
     * @param symbolIndex   the instrument, as in {@link Simulator#symbol(int)}.
     * @param firstUpdateId the diff's {@code U}.
     * @param lastUpdateId  the diff's {@code u}.
     * @param dueNs      when the schedule wanted it sent, {@link System#nanoTime()}.
     */
    void onDiff(int symbolIndex, long firstUpdateId, long lastUpdateId, long dueNs);
}
