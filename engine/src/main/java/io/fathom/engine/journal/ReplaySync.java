package io.fathom.engine.journal;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.SnapshotRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sync snapshot read from a journal while the delta records applied with it are still being read:
 * the snapshot and those deltas as whole messages, reused from one sync to the next.
 */
final class ReplaySync
{
    private final List<DepthMessage> deltas = new ArrayList<>();
    private long[] deltaReceiveEpochNs = new long[16];
    private DepthMessage snapshot = new DepthMessage(64);
    private int instrumentId = -1;
    private int recordsRemaining;
    private int deltaMessages;
    private long epochNs;

    /** Starts a sync of an engine instrument that {@code deltaRecords} delta records belong to. */
    void begin(final int instrumentId, final SnapshotRecord record, final int deltaRecords)
    {
        this.snapshot = ReplayMessages.load(record, snapshot);
        this.instrumentId = instrumentId;
        this.recordsRemaining = deltaRecords;
        this.deltaMessages = 0;
        this.epochNs = record.epochNs();
    }

    boolean pending()
    {
        return instrumentId >= 0;
    }

    /** Whether a delta record of this engine instrument belongs to the pending sync. */
    boolean takes(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId == this.instrumentId && recordsRemaining > 0;
    }

    /** @return delta records still expected. */
    int add(final DeltaRecord record)
    {
        if (record.partIndex() == 0 || deltaMessages == 0)
        {
            if (deltaMessages == deltas.size())
            {
                deltas.add(new DepthMessage(Math.max(1, record.levelCount())));
            }
            if (deltaMessages == deltaReceiveEpochNs.length)
            {
                deltaReceiveEpochNs = Arrays.copyOf(deltaReceiveEpochNs, 2 * deltaMessages);
            }
            deltaReceiveEpochNs[deltaMessages] = record.receiveEpochNs();
            ReplayMessages.clear(deltas.get(deltaMessages++));
        }
        deltas.set(deltaMessages - 1, ReplayMessages.addPart(deltas.get(deltaMessages - 1), record));
        return --recordsRemaining;
    }

    int instrumentId()
    {
        return instrumentId;
    }

    int recordsRemaining()
    {
        return recordsRemaining;
    }

    int deltaMessages()
    {
        return deltaMessages;
    }

    DepthMessage delta(final int index)
    {
        return deltas.get(index);
    }

    long deltaReceiveEpochNs(final int index)
    {
        return deltaReceiveEpochNs[index];
    }

    DepthMessage snapshot()
    {
        return snapshot;
    }

    long epochNs()
    {
        return epochNs;
    }

    void clear()
    {
        instrumentId = -1;
        recordsRemaining = 0;
        deltaMessages = 0;
    }
}
