package io.fathom.engine.feed;

import io.fathom.codec.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchQueueTest
{
    private final CountersManager counterFile = new CountersManager(
        new UnsafeBuffer(new byte[16 * 1024]), new UnsafeBuffer(new byte[4 * 1024]));
    private final ConnectionCounters counters = new ConnectionCounters(
        counterFile.newCounter("state"), counterFile.newCounter("messages"), counterFile.newCounter("reconnects"));
    private final LaunchQueue queue = new LaunchQueue();
    private final SlotServices services = new SlotServices(queue, new ConnectionBudget(new ConnectionLimits(
        1, new RateLimiter(1_000, 10, 0), 4, 8, 100, 1_000, 3, 0, 0, 1_000)), VenueStreams.forVenue(Venue.BINANCE, 100), 0);
    private final FeedGroup group = new FeedGroup(
        new FeedGroupSpec("g", List.of("BTCUSDT"), FeedGroupPolicy.ISOLATE, Duration.ZERO, false), new int[] {0});

    @Test
    void headIsTheEarliestDueThenTheLowestId()
    {
        final Random random = new Random(42);
        final List<ConnectionSlot> slots = new ArrayList<>();
        for (int id = 0; id < 500; id++)
        {
            final ConnectionSlot slot = slot(id);
            slot.scheduleConnect(random.nextInt(50));
            slots.add(slot);
        }
        slots.sort((a, b) -> a.launchAtNs() != b.launchAtNs() ? Long.compare(a.launchAtNs(), b.launchAtNs()) : a.id - b.id);

        assertThat(takeAll()).containsExactlyElementsOf(slots);
    }

    @Test
    void ordersDueTimesAcrossTheWrapOfNanoTime()
    {
        final ConnectionSlot later = slot(1);
        final ConnectionSlot earlier = slot(2);
        later.scheduleConnect(Long.MIN_VALUE + 10);
        earlier.scheduleConnect(Long.MAX_VALUE - 10);

        assertThat(takeAll()).containsExactly(earlier, later);
    }

    @Test
    void rescheduledConnectionMovesAndLeavesWhenNothingIsDue()
    {
        final ConnectionSlot a = slot(1);
        final ConnectionSlot b = slot(2);
        final ConnectionSlot c = slot(3);
        a.scheduleConnect(10);
        b.scheduleConnect(20);
        c.scheduleConnect(30);

        a.scheduleConnect(40);
        assertThat(queue.peek()).isSameAs(b);
        c.scheduleConnect(5);
        assertThat(queue.peek()).isSameAs(c);
        assertThat(queue.size()).as("each connection is in the queue once").isEqualTo(3);

        c.close();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(takeAll()).containsExactly(b, a);
    }

    /** Launching takes the head only: with thousands waiting, one take looks at one connection and leaves the rest. */
    @Test
    void takingTheHeadLeavesTheOthersQueued()
    {
        for (int id = 0; id < 10_000; id++)
        {
            slot(id).scheduleConnect(id % 7);
        }
        final ConnectionSlot head = queue.peek();
        assertThat(head.launchAtNs()).isZero();
        assertThat(head.id).isZero();

        head.close();
        assertThat(queue.size()).isEqualTo(9_999);
        assertThat(queue.peek().id).as("the next due at 0, by id").isEqualTo(7);
    }

    private List<ConnectionSlot> takeAll()
    {
        final List<ConnectionSlot> taken = new ArrayList<>();
        ConnectionSlot slot;
        while ((slot = queue.peek()) != null)
        {
            taken.add(slot);
            slot.close();
        }
        return taken;
    }

    private ConnectionSlot slot(final int id)
    {
        return new ConnectionSlot(id, group, new int[] {0}, counters, services);
    }
}
