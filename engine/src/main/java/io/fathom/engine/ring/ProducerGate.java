package io.fathom.engine.ring;

import org.agrona.concurrent.NanoClock;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Closes the ring to producers: after {@link #close} returns true no producer claims a sequence,
 * and every claim made before it has been published.
 *
 * <p>Each producer thread holds its own {@link Permit}, so entering is an uncontended volatile
 * store and load (a Dekker handshake with the closer), never a shared counter.
 */
public final class ProducerGate
{
    private final CopyOnWriteArrayList<Permit> permits = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** A producer's pass through the gate; one per producing thread, not shared. */
    public static final class Permit
    {
        private final ProducerGate gate;
        private volatile boolean inside;
        private volatile boolean retired;

        private Permit(final ProducerGate gate)
        {
            this.gate = gate;
        }

        /** @return false when the gate is closed; the caller must not claim. */
        public boolean enter()
        {
            inside = true;
            if (gate.closed || retired)
            {
                inside = false;
                return false;
            }
            return true;
        }

        /** Called after publishing (in a finally block). */
        public void exit()
        {
            inside = false;
        }

        /** The producer is gone (its connection closed): the permit admits no more and is forgotten. */
        public void retire()
        {
            retired = true;
        }
    }

    public Permit newPermit()
    {
        permits.removeIf(p -> p.retired && !p.inside);
        final Permit permit = new Permit(this);
        permits.add(permit);
        return permit;
    }

    /** Permits currently tracked (retired ones are pruned when a new one is made). */
    public int permitCount()
    {
        return permits.size();
    }

    public boolean isClosed()
    {
        return closed;
    }

    /**
     * Closes the gate and waits for every producer inside it to leave.
     *
     * @return true when no producer is inside by the deadline.
     */
    public boolean close(final NanoClock clock, final long deadlineNs)
    {
        closed = true;
        for (final Permit permit : permits)
        {
            while (permit.inside)
            {
                if (clock.nanoTime() - deadlineNs > 0)
                {
                    return false;
                }
                Thread.onSpinWait();
            }
        }
        return true;
    }
}
