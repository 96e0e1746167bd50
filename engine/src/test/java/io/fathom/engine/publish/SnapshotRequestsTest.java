package io.fathom.engine.publish;

import io.fathom.codec.wire.BookInvalid;
import io.fathom.codec.wire.SnapshotRequest;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotRequestsTest
{
    private static final int SESSION = 42;
    private static final int BOOKS = 8;
    private static final int RATE = 1_000; // a book a millisecond, a burst of ten

    @TempDir
    Path dir;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private EngineCounters counters;
    private SnapshotRequests requests;

    @BeforeEach
    void setUp()
    {
        counters = new EngineCounters(dir.toFile());
        requests = new SnapshotRequests(null, BOOKS, RATE, counters);
        requests.sessionId(SESSION);
    }

    @AfterEach
    void tearDown()
    {
        counters.close();
    }

    @Test
    void aBookAskedForTwiceWhileWaitingIsSentOnce()
    {
        request(SESSION, 3, 5);
        request(SnapshotRequest.ANY_PUBLISHER, 5, 6);

        assertThat(takeAll()).containsExactly(3, 5, 6);
        assertThat(value(SystemCounter.PUBLISH_REQUESTS)).isEqualTo(2);
        assertThat(value(SystemCounter.PUBLISH_REQUESTS_COALESCED)).isEqualTo(1);
    }

    @Test
    void aRequestForEveryBookFlagsThemAllAndAnotherPublishersIsIgnored()
    {
        request(SESSION + 1, 1);
        assertThat(requests.pending()).isZero();
        assertThat(value(SystemCounter.PUBLISH_REQUESTS)).as("not for this publisher").isZero();

        request(SESSION);
        assertThat(takeAll()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void malformedRequestsAndUnknownInstrumentsAreCountedRefused()
    {
        final int length = BookInvalid.encode(buffer, 0, 1, 1, 0L, 0, 0L);
        requests.onFragment(buffer, 0, length, null);
        request(SESSION, 2, BOOKS, -1);

        assertThat(value(SystemCounter.PUBLISH_REQUESTS_REFUSED)).isEqualTo(2);
        assertThat(takeAll()).as("the known instrument of a request naming unknown ones is still sent").containsExactly(2);
    }

    @Test
    void answersAreMeteredAtTheRequestRate()
    {
        request(SESSION);
        final long startNs = 1_000_000_000L;
        assertThat(requests.allowance(startNs, 16)).as("everything asked for, within the burst").isEqualTo(BOOKS);
        requests.answered(BOOKS);
        assertThat(value(SystemCounter.PUBLISH_REQUEST_ANSWERS)).isEqualTo(BOOKS);

        request(SESSION);
        assertThat(requests.allowance(startNs, 16)).as("the burst's remaining two books").isEqualTo(2);
        assertThat(value(SystemCounter.PUBLISH_REQUESTS_RATE_LIMITED)).isEqualTo(1);
        requests.answered(2);
        assertThat(requests.allowance(startNs + 3_000_000L, 16)).as("a book a millisecond").isEqualTo(3);
        assertThat(requests.allowance(startNs + 1_000_000_000L, 4)).as("capped at the cycle's bound").isEqualTo(4);
    }

    private void request(final int session, final int... instruments)
    {
        final int length = SnapshotRequest.encode(buffer, 0, 1, 0L, session, instruments.length);
        for (int i = 0; i < instruments.length; i++)
        {
            SnapshotRequest.putInstrument(buffer, 0, i, instruments[i]);
        }
        requests.onFragment(buffer, 0, length, null);
    }

    private List<Integer> takeAll()
    {
        final List<Integer> taken = new ArrayList<>();
        int id;
        while ((id = requests.take()) >= 0)
        {
            taken.add(id);
        }
        return taken;
    }

    private long value(final SystemCounter counter)
    {
        return counters.value(counter);
    }
}
