package io.fathom.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time from {@code /proc/stat}, so that a window can say how much of the cores
 * went to processes other than the design and the simulator (other builds, say): interference.
 */
record MachineCpu(long busyTicks, long totalTicks)
{
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** Now, or zeros where {@code /proc/stat} cannot be read. */
    static MachineCpu now()
    {
        try
        {
            final String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++)
            {
                total += Long.parseLong(fields[i]);
            }
            final long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new MachineCpu(total - idle, total);
        }
        catch (final IOException | RuntimeException ex)
        {
            return new MachineCpu(0, 0);
        }
    }

    /** Busy time since {@code earlier} in percent of one core (200 % is two cores busy), or NaN. */
    double busyPercentSince(final MachineCpu earlier, final int cores)
    {
        final long total = totalTicks - earlier.totalTicks;
        return total <= 0 ? Double.NaN : 100.0 * cores * (busyTicks - earlier.busyTicks) / total;
    }
}
