package io.fathom.engine.feed;

import io.fathom.codec.DepthMessage;

/**
 * A connection-wide message sequence (Coinbase's {@code sequence_num}): each message numbers one past the one
 * before it on the connection, whatever its product, so a skip means a message of some product was lost.
 * One thread: the connection's feed thread, or a recording's replay.
 */
public final class ConnectionSequence
{
    private long last = DepthMessage.NO_ID;

    /**
     * Takes the next message's number.
     *
     * @param sequence the message's number, or {@link DepthMessage#NO_ID} for a message that carries none.
     * @return the number before it when it skipped past that one (a gap); {@link DepthMessage#NO_ID} when it
     * follows in order, is the first, or carries none.
     */
    public long gapBefore(final long sequence)
    {
        if (sequence == DepthMessage.NO_ID)
        {
            return DepthMessage.NO_ID;
        }
        final long previous = last;
        last = sequence;
        return previous == DepthMessage.NO_ID || sequence == previous + 1 ? DepthMessage.NO_ID : previous;
    }

    /** A new connection: its first number starts the sequence again. */
    public void restart()
    {
        last = DepthMessage.NO_ID;
    }
}
