package io.fathom.engine;

import io.fathom.engine.book.BookStateListener;
import io.fathom.engine.feed.FeedState;
import io.fathom.engine.feed.FeedSupervisor;
import io.fathom.engine.handler.SnapshotRequester;
import io.fathom.engine.journal.JournalReplaySource;
import io.fathom.engine.journal.ReplaySettings;
import io.fathom.engine.journal.JournalWriter;
import org.agrona.CloseHelper;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A journal replayed as a depth source, on one agent thread: no connection is made, books take their
 * snapshots from the journal (so none is ever asked for), and {@link #done()} completes when the whole
 * journal has been published.
 */
final class ReplayDepthSource implements DepthSource
{
    private final ReplaySettings settings;
    private final int instrumentCount;
    private final Supplier<JournalReplaySource> replays;
    private final BookStateListener bookStateListener;
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private AutoCloseable runner;

    /**
     * @param settings          the journal replayed and at what pace.
     * @param instrumentCount   the instruments replayed into.
     * @param replays           makes the replay when the source starts, once the handlers run.
     * @param bookStateListener the embedder's.
     */
    ReplayDepthSource(
        final ReplaySettings settings,
        final int instrumentCount,
        final Supplier<JournalReplaySource> replays,
        final BookStateListener bookStateListener)
    {
        this.settings = settings;
        this.instrumentCount = instrumentCount;
        this.replays = replays;
        this.bookStateListener = bookStateListener;
    }

    @Override
    public String describe()
    {
        return "replaying " + settings.directory() + " at " + settings.speed() + " speed into " + instrumentCount + " instruments";
    }

    @Override
    public String sessionSource()
    {
        return "source=journal:" + settings.directory() + " speed=" + settings.speed();
    }

    @Override
    public SnapshotRequester snapshotRequester()
    {
        return instrumentId -> {};
    }

    @Override
    public BookStateListener bookStateListener()
    {
        return bookStateListener;
    }

    @Override
    public void start(final AgentStarter starter)
    {
        final JournalReplaySource replay = replays.get();
        replay.done().whenComplete((records, error) ->
        {
            if (error != null)
            {
                done.completeExceptionally(error);
            }
            else
            {
                done.complete(records);
            }
        });
        runner = starter.start(replay);
    }

    @Override
    public boolean halt(final long deadlineNs, final List<String> failures)
    {
        CloseHelper.quietClose(runner);
        return true;
    }

    @Override
    public JournalWriter journal()
    {
        return null;
    }

    @Override
    public CompletionStage<Long> done()
    {
        return done.minimalCompletionStage();
    }

    @Override
    public FeedSupervisor feeds()
    {
        throw new IllegalStateException("this engine replays a journal; it has no feeds");
    }

    @Override
    public int[] feedsByState()
    {
        return new int[FeedState.values().length];
    }
}
