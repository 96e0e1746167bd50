package io.fathom.engine.view;

import io.fathom.codec.DepthMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One writer publishes a bounded number of updates to two books while readers on other threads copy them;
 * every update is a function of its step number, which the copy carries (update id, and epoch ns = step *
 * 1000), so any copy mixing two updates, or going back in time, is caught.
 */
class BookViewStressTest
{
    private static final int DEPTH = 10;
    private static final int INSTRUMENTS = 2;
    private static final int READERS = 2;
    private static final long STEPS = 2_000_000;
    private static final int INVALIDATE_EVERY = 101;
    private static final long DEADLINE_MS = 120_000;

    private final BookViews views = new BookViews(List.of("SYM0", "SYM1"), new ViewSettings(2, 3, DEPTH));
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean writing = true;

    @Test
    void everyCopyIsOneUpdateAndNoneGoesBack() throws InterruptedException
    {
        final CountDownLatch readersStarted = new CountDownLatch(READERS);
        final List<Reader> readers = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < READERS; r++)
        {
            final Reader reader = new Reader(readersStarted);
            readers.add(reader);
            threads.add(new Thread(reader, "view-reader-" + r));
        }
        threads.forEach(Thread::start);
        assertThat(readersStarted.await(DEADLINE_MS, TimeUnit.MILLISECONDS)).isTrue();

        final Thread writer = new Thread(this::write, "view-writer");
        writer.start();
        writer.join(DEADLINE_MS);
        assertThat(writer.isAlive()).as("writer finished within the deadline").isFalse();
        writing = false;
        for (final Thread thread : threads)
        {
            thread.join(DEADLINE_MS);
            assertThat(thread.isAlive()).as(thread.getName() + " finished within the deadline").isFalse();
        }

        assertThat(failure.get()).isNull();
        for (final Reader reader : readers)
        {
            assertThat(reader.validCopies).isPositive();
            assertThat(reader.finalSteps).containsExactly(STEPS, STEPS - 1);
        }
    }

    private void write()
    {
        final BookViewWriter writer = views.writer();
        final SyntheticBook book = new SyntheticBook();
        for (long step = 1; step <= STEPS; step++)
        {
            final int instrumentId = (int)(step % INSTRUMENTS);
            if (step % INVALIDATE_EVERY == 0)
            {
                writer.invalidate(instrumentId, reason(step), step * 1000);
            }
            else
            {
                book.step = step;
                writer.publish(instrumentId, book, step, step * 1000);
            }
        }
    }

    private static int reason(final long step)
    {
        return 1 + (int)(step % 6);
    }

    private static int bidCount(final long step)
    {
        return (int)(step % (DEPTH + 2));
    }

    private static int askCount(final long step)
    {
        return (int)((step / 7) % (DEPTH + 2));
    }

    private static long bidPrice(final long step, final int level)
    {
        return 1_000_000 + (step % 5_000) * 3 - level * (1 + step % 4);
    }

    private static long askPrice(final long step, final int level)
    {
        return bidPrice(step, 0) + 1 + step % 9 + level * (1 + step % 5);
    }

    private static long bidQuantity(final long step, final int level)
    {
        return step * 64 + level;
    }

    private static long askQuantity(final long step, final int level)
    {
        return step * 64 + 32 + level;
    }

    /** The book of a step: its levels computed from the step number. */
    private static final class SyntheticBook implements BookLevelSource
    {
        long step;

        @Override
        public int levelCount(final byte side)
        {
            return side == DepthMessage.BID ? bidCount(step) : askCount(step);
        }

        @Override
        public long price(final byte side, final int level)
        {
            return side == DepthMessage.BID ? bidPrice(step, level) : askPrice(step, level);
        }

        @Override
        public long quantity(final byte side, final int level)
        {
            return side == DepthMessage.BID ? bidQuantity(step, level) : askQuantity(step, level);
        }
    }

    private final class Reader implements Runnable
    {
        private final CountDownLatch started;
        private final TopOfBook top = new TopOfBook();
        private final BookLevels levels = new BookLevels(DEPTH);
        private final long[] lastStep = new long[INSTRUMENTS];
        private final long[] lastUpdateId = { -1, -1 };
        final List<Long> finalSteps = new ArrayList<>();
        long validCopies;

        Reader(final CountDownLatch started)
        {
            this.started = started;
        }

        @Override
        public void run()
        {
            long reads = 0;
            while (failure.get() == null)
            {
                final boolean lastPass = !writing;
                for (int id = 0; id < INSTRUMENTS && failure.get() == null; id++)
                {
                    final BookView view = views.view(id);
                    if ((reads & 1) == 0)
                    {
                        check(id, view.read(top), top, topError(top));
                    }
                    else
                    {
                        check(id, view.read(levels, DEPTH), levels, levelsError(levels));
                    }
                    if (lastPass)
                    {
                        finalSteps.add(lastStep[id]);
                    }
                }
                if (reads++ == 0)
                {
                    started.countDown();
                }
                if (lastPass)
                {
                    return;
                }
            }
        }

        private void check(final int id, final boolean valid, final BookCopy copy, final String levelsError)
        {
            final long step = copy.lastChangeEpochNs() / 1000;
            String error = null;
            if (valid != copy.valid() || copy.instrumentId() != id)
            {
                error = "return value or instrument differs from the copy";
            }
            else if (step < lastStep[id] || copy.updateId() < lastUpdateId[id])
            {
                error = "went back from step " + lastStep[id] + ", update id " + lastUpdateId[id];
            }
            else if (step != 0 && step % INSTRUMENTS != id)
            {
                error = "step of another instrument";
            }
            else if (valid && copy.updateId() != step)
            {
                error = "update id is not the step's";
            }
            else if (!valid && step != 0 && (copy.invalidReason() != reason(step) || copy.updateId() != step - INSTRUMENTS))
            {
                error = "invalidation of another step";
            }
            else
            {
                error = levelsError;
            }
            if (error != null)
            {
                failure.compareAndSet(null, "instrument " + id + ": " + error + " in " + describe(copy));
                return;
            }
            lastStep[id] = step;
            lastUpdateId[id] = copy.updateId();
            if (valid)
            {
                validCopies++;
            }
        }

        private String topError(final TopOfBook top)
        {
            final long step = top.updateId();
            final boolean hasBid = top.valid() && bidCount(step) > 0;
            final boolean hasAsk = top.valid() && askCount(step) > 0;
            if (top.hasBid() != hasBid || top.hasAsk() != hasAsk)
            {
                return "sides present differ from the step's";
            }
            if (hasBid && (top.bidPriceMantissa() != bidPrice(step, 0) || top.bidQuantityMantissa() != bidQuantity(step, 0)))
            {
                return "best bid is not the step's";
            }
            if (hasAsk && (top.askPriceMantissa() != askPrice(step, 0) || top.askQuantityMantissa() != askQuantity(step, 0)))
            {
                return "best ask is not the step's";
            }
            if (!hasBid && !Double.isNaN(top.bidPrice()) || !hasAsk && !Double.isNaN(top.askPrice()))
            {
                return "a missing side has a price";
            }
            return null;
        }

        private String levelsError(final BookLevels levels)
        {
            final long step = levels.updateId();
            final int bids = levels.valid() ? Math.min(bidCount(step), DEPTH) : 0;
            final int asks = levels.valid() ? Math.min(askCount(step), DEPTH) : 0;
            if (levels.bidCount() != bids || levels.askCount() != asks)
            {
                return "level counts differ from the step's";
            }
            for (int i = 0; i < bids; i++)
            {
                if (levels.bidPriceMantissa(i) != bidPrice(step, i) || levels.bidQuantityMantissa(i) != bidQuantity(step, i))
                {
                    return "bid level " + i + " is not the step's";
                }
            }
            for (int i = 0; i < asks; i++)
            {
                if (levels.askPriceMantissa(i) != askPrice(step, i) || levels.askQuantityMantissa(i) != askQuantity(step, i))
                {
                    return "ask level " + i + " is not the step's";
                }
            }
            return null;
        }

        private String describe(final BookCopy copy)
        {
            return copy instanceof TopOfBook ? copy.toString() :
                "levels{valid=" + copy.valid() + ", updateId=" + copy.updateId() + ", epochNs=" + copy.lastChangeEpochNs() + "}";
        }
    }
}
