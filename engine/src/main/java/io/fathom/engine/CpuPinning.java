package io.fathom.engine;

import net.openhft.affinity.Affinity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.BitSet;

/**
 * Pins the calling thread to one CPU through OpenHFT Affinity (which Chronicle already brings). A host
 * that refuses (no such CPU, a container's cpuset, no native support) gets a report, never a failure:
 * the thread runs unpinned.
 */
final class CpuPinning
{
    private static final Logger LOG = LoggerFactory.getLogger(CpuPinning.class);

    private CpuPinning()
    {
    }

    /** @return null when the thread now runs on {@code cpu} alone, else why not. */
    static String pinCurrentThread(final int cpu)
    {
        final String thread = Thread.currentThread().getName();
        try
        {
            Affinity.setAffinity(cpu);
            final BitSet now = Affinity.getAffinity();
            if (now.cardinality() == 1 && now.get(cpu))
            {
                LOG.info("{} pinned to CPU {}", thread, cpu);
                return null;
            }
            return thread + ": pinning to CPU " + cpu + " refused by the host (affinity now " + now + "); running unpinned";
        }
        catch (final RuntimeException | LinkageError ex)
        {
            return thread + ": pinning to CPU " + cpu + " refused by the host (" + ex + "); running unpinned";
        }
    }
}
