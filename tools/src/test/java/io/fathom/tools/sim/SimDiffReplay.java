package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import org.agrona.collections.LongArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh {@link SimBook} replaying one instrument's diffs, to say which diff a received frame is and how
 * many diffs lie between two frames: faults may withhold diffs but never change them.
 */
final class SimDiffReplay
{
    private final SimBook book;
    private final DepthMessage diff = new DepthMessage(SimBook.MAX_DIFF_LEVELS);
    private final LongArrayList firstIds = new LongArrayList();
    private final LongArrayList lastIds = new LongArrayList();

    SimDiffReplay(final int symbolIndex, final long seed)
    {
        book = SimBook.create(symbolIndex, seed);
    }

    /**
     * @return the position of the diff {@code [firstUpdateId, lastUpdateId]} in the book's sequence, after
     * asserting the book generated exactly that diff.
     */
    int indexOf(final long firstUpdateId, final long lastUpdateId)
    {
        while (lastIds.isEmpty() || lastIds.getLong(lastIds.size() - 1) < lastUpdateId)
        {
            book.nextDiff(diff);
            firstIds.addLong(diff.firstUpdateId());
            lastIds.addLong(diff.lastUpdateId());
        }
        int low = 0;
        int high = firstIds.size() - 1;
        while (low <= high)
        {
            final int middle = (low + high) >>> 1;
            final long id = firstIds.getLong(middle);
            if (id < firstUpdateId)
            {
                low = middle + 1;
            }
            else if (id > firstUpdateId)
            {
                high = middle - 1;
            }
            else
            {
                assertThat(lastIds.getLong(middle)).as("u of the diff starting at U=" + firstUpdateId)
                    .isEqualTo(lastUpdateId);
                return middle;
            }
        }
        throw new AssertionError("no diff of the book starts at U=" + firstUpdateId);
    }
}
