package io.fathom.tools;

import io.fathom.codec.journal.BookStateRecord;
import io.fathom.engine.Engine;
import io.fathom.engine.EngineContext;
import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.view.BookCopy;
import io.fathom.engine.view.BookView;
import io.fathom.engine.view.TopOfBook;
import io.fathom.testing.Await;
import io.fathom.tools.sim.Simulator;
import io.fathom.tools.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An embedder reads books from its own thread through the engine's views while the engine runs against the
 * simulator, and sees them go invalid and valid again when the simulator drops every connection; its book
 * listener is told the same story, in order, with the symbol on every callback.
 */
class BookViewsEngineTest
{
    private static final int SYMBOLS = 10;
    /** Far more than the test needs at any speed: the reader stops when told; this bounds it should nobody tell it. */
    private static final long MAX_READS = 20_000_000_000L;
    /** Per symbol: 0 nothing seen, 1 valid seen, 2 invalid after valid, 3 valid again after that. */
    private static final int SEEN_VALID = 1;
    private static final int SEEN_INVALID = 2;
    private static final int SEEN_VALID_AGAIN = 3;

    @TempDir
    Path dir;

    @Test
    void aReaderThreadSeesConsistentBooksInvalidatedByADropAndValidAgain() throws Exception
    {
        final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();
        try (Simulator simulator = Simulator.start(new SimulatorConfig()
            .symbolCount(SYMBOLS).ratePerSecond(500).seed(7).wsPort(0).restPort(0)))
        {
            final EngineContext context = new EngineContext()
                .venue("binance").symbols(simulator.symbols())
                .url(simulator.wsUrl()).restUrl(simulator.restUrl())
                .runDir(dir.resolve("run").toFile()).journalDir(dir.resolve("journal").toFile())
                .bookListener(new Recorder(calls));
            final BookView[] views = new BookView[SYMBOLS];
            try (Engine engine = Engine.launch(context))
            {
                for (int i = 0; i < SYMBOLS; i++)
                {
                    views[i] = engine.bookView(simulator.symbol(i));
                }
                assertThatThrownBy(() -> engine.bookView("NOPE1")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NOPE1");

                final Reader reader = new Reader(views);
                final Thread thread = new Thread(reader, "view-reader");
                thread.start();
                try
                {
                    Await.until(() -> reader.allAtLeast(SEEN_VALID), Duration.ofSeconds(60), "every book read valid");
                    simulator.faults().dropAllConnections();
                    Await.until(() -> reader.allAtLeast(SEEN_VALID_AGAIN) || reader.failure.get() != null,
                        Duration.ofSeconds(60), () -> "every book read invalid, then valid again: " + reader.seen +
                            ", failure " + reader.failure.get() +
                            ", books live " + engine.booksLive() + ", feeds by state " +
                            Arrays.toString(engine.feedsByState()) + ", reads valid " + reader.validReads);
                }
                finally
                {
                    reader.stop = true;
                    thread.join(10_000);
                }
                assertThat(thread.isAlive()).isFalse();
                assertThat(reader.failure.get()).isNull();
                assertThat(reader.validReads).isPositive();
                assertThat(reader.invalidReasons).contains((int)BookStateRecord.REASON_CONNECTION_LOST);
            }
            final TopOfBook afterClose = new TopOfBook();
            for (final BookView view : views)
            {
                assertThat(view.read(afterClose)).as("%s after close", view.symbol()).isFalse();
                assertThat(afterClose.invalidReason()).isEqualTo(BookCopy.REASON_CLOSED);
            }
            assertListenerStory(new ArrayList<>(calls), simulator.symbols());
        }
    }

    /**
     * Per instrument: updates only while valid, valid and invalid alternate, an invalidation and updates after
     * it, and every callback names the instrument's symbol.
     */
    private static void assertListenerStory(final List<String> calls, final List<String> symbols)
    {
        assertThat(calls).noneMatch(call -> call.startsWith("update-without-symbol"));
        for (int i = 0; i < symbols.size(); i++)
        {
            final String id = Integer.toString(i);
            final List<String> story = new ArrayList<>();
            for (final String call : calls)
            {
                final String[] words = call.split(" ");
                if (words[1].equals(id))
                {
                    assertThat(words[2]).as(call).isEqualTo(symbols.get(i).toUpperCase(Locale.ROOT));
                    story.add(call);
                }
            }
            assertThat(story).as("calls for instrument %s", id).isNotEmpty();
            boolean valid = false;
            boolean updatedSinceValid = false;
            int invalidations = 0;
            int updatesAfterInvalidation = 0;
            for (final String call : story)
            {
                final String kind = call.split(" ")[0];
                switch (kind)
                {
                    case "valid":
                        assertThat(valid).as("valid twice in a row: %s", story).isFalse();
                        valid = true;
                        updatedSinceValid = false;
                        break;
                    case "invalid":
                        assertThat(valid).as("invalid while not valid: %s", story).isTrue();
                        valid = false;
                        invalidations++;
                        break;
                    default:
                        assertThat(valid).as("update while not valid: %s", story).isTrue();
                        updatedSinceValid = true;
                        if (invalidations > 0)
                        {
                            updatesAfterInvalidation++;
                        }
                }
            }
            assertThat(invalidations).as("invalidations of %s", id).isPositive();
            assertThat(updatesAfterInvalidation).as("updates of %s after resync", id).isPositive();
            assertThat(valid && updatedSinceValid).as("%s ends valid and updated: %s", id, story).isTrue();
        }
    }

    /** Records "kind id symbol" per callback, checking the symbol names the instrument. */
    private static final class Recorder implements BookListener
    {
        private final ConcurrentLinkedQueue<String> calls;

        Recorder(final ConcurrentLinkedQueue<String> calls)
        {
            this.calls = calls;
        }

        @Override
        public void onBookUpdate(final OrderBook book, final boolean topChanged, final double volumePressure)
        {
            calls.add("update-without-symbol " + book.instrumentId());
        }

        @Override
        public void onBookUpdate(final String symbol, final OrderBook book, final boolean topChanged, final double pressure)
        {
            calls.add("update " + book.instrumentId() + " " + symbol);
        }

        @Override
        public void onBookValid(final String symbol, final int instrumentId)
        {
            calls.add("valid " + instrumentId + " " + symbol);
        }

        @Override
        public void onBookInvalid(final String symbol, final int instrumentId, final int reason)
        {
            calls.add("invalid " + instrumentId + " " + symbol + " " + BookCopy.reasonName(reason));
        }
    }

    /** Reads every view in turn, a bounded number of times, checking each valid copy. */
    private static final class Reader implements Runnable
    {
        final BookView[] views;
        final AtomicIntegerArray seen;
        final AtomicReference<String> failure = new AtomicReference<>();
        final List<Integer> invalidReasons = new ArrayList<>();
        volatile boolean stop;
        volatile long validReads;

        Reader(final BookView[] views)
        {
            this.views = views;
            this.seen = new AtomicIntegerArray(views.length);
        }

        boolean allAtLeast(final int stage)
        {
            for (int i = 0; i < seen.length(); i++)
            {
                if (seen.get(i) < stage)
                {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void run()
        {
            final TopOfBook top = new TopOfBook();
            final long[] lastUpdateId = new long[views.length];
            Arrays.fill(lastUpdateId, -1);
            long valid = 0;
            for (long reads = 0; reads < MAX_READS && !stop && failure.get() == null; reads++)
            {
                final int i = (int)(reads % views.length);
                if (views[i].read(top))
                {
                    valid++;
                    if (top.hasBid() && top.hasAsk() && !(top.bidPrice() < top.askPrice()))
                    {
                        failure.set(views[i].symbol() + " crossed: " + top);
                    }
                    if (top.updateId() < lastUpdateId[i])
                    {
                        failure.set(views[i].symbol() + " update id went back from " + lastUpdateId[i] + ": " + top);
                    }
                    lastUpdateId[i] = top.updateId();
                    final int stage = seen.get(i);
                    if (stage == 0 || stage == SEEN_INVALID)
                    {
                        seen.set(i, stage + 1);
                    }
                }
                else if (seen.get(i) == SEEN_VALID)
                {
                    seen.set(i, SEEN_INVALID);
                    synchronized (invalidReasons)
                    {
                        invalidReasons.add(top.invalidReason());
                    }
                }
                if ((reads & 1023) == 0)
                {
                    validReads = valid;
                    Thread.yield();
                }
            }
            validReads = valid;
        }
    }
}
