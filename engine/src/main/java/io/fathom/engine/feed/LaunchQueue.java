package io.fathom.engine.feed;

import java.util.Arrays;

/**
 * The connections waiting to launch (connect, or open a replacement), ordered by when each is due and
 * then by connection id: a binary heap kept in an array, each connection in it at most once. A duty
 * cycle looks only at the head, so launching costs O(log n) per launch, nothing per connection not due.
 * A connection reschedules itself after every transition that changes its launch time. Supervisor
 * thread only.
 */
final class LaunchQueue
{
    private ConnectionSlot[] heap = new ConnectionSlot[16];
    private long[] dueNs = new long[16];
    private int size;

    /** Puts the connection where its launch time says, or takes it out when it has none. */
    void reschedule(final ConnectionSlot slot)
    {
        final int index = slot.launchQueueIndex;
        if (!slot.isLaunchPending())
        {
            if (index >= 0)
            {
                removeAt(index);
            }
            return;
        }
        final long atNs = slot.launchAtNs();
        if (index < 0)
        {
            if (size == heap.length)
            {
                heap = Arrays.copyOf(heap, size * 2);
                dueNs = Arrays.copyOf(dueNs, size * 2);
            }
            place(slot, atNs, size++);
            siftUp(size - 1);
            return;
        }
        dueNs[index] = atNs;
        siftDown(siftUp(index));
    }

    /** The connection due first, or null when none waits. */
    ConnectionSlot peek()
    {
        return size == 0 ? null : heap[0];
    }

    /** When the connection due first is due; only valid when {@link #peek} is not null. */
    long peekDueNs()
    {
        return dueNs[0];
    }

    int size()
    {
        return size;
    }

    private void removeAt(final int index)
    {
        heap[index].launchQueueIndex = -1;
        final int last = --size;
        if (index != last)
        {
            place(heap[last], dueNs[last], index);
            siftDown(siftUp(index));
        }
        heap[last] = null;
    }

    private int siftUp(final int start)
    {
        int index = start;
        while (index > 0)
        {
            final int parent = (index - 1) >>> 1;
            if (!before(index, parent))
            {
                break;
            }
            swap(index, parent);
            index = parent;
        }
        return index;
    }

    private void siftDown(final int start)
    {
        int index = start;
        while (true)
        {
            final int left = 2 * index + 1;
            if (left >= size)
            {
                return;
            }
            final int right = left + 1;
            final int first = right < size && before(right, left) ? right : left;
            if (!before(first, index))
            {
                return;
            }
            swap(index, first);
            index = first;
        }
    }

    /** Earlier due time first (compared as a difference, as {@code nanoTime} values must be), then lower id. */
    private boolean before(final int a, final int b)
    {
        final long differenceNs = dueNs[a] - dueNs[b];
        return differenceNs != 0 ? differenceNs < 0 : heap[a].id < heap[b].id;
    }

    private void swap(final int a, final int b)
    {
        final ConnectionSlot slotA = heap[a];
        final long dueA = dueNs[a];
        place(heap[b], dueNs[b], a);
        place(slotA, dueA, b);
    }

    private void place(final ConnectionSlot slot, final long atNs, final int index)
    {
        heap[index] = slot;
        dueNs[index] = atNs;
        slot.launchQueueIndex = index;
    }
}
