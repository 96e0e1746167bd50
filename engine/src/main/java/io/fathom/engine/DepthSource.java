package io.fathom.engine;

import io.fathom.engine.book.BookStateListener;
import io.fathom.engine.feed.FeedSupervisor;
import io.fathom.engine.handler.SnapshotRequester;
import io.fathom.engine.journal.JournalWriter;
import org.agrona.concurrent.Agent;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where the ring's depth comes from: the venue's feeds ({@link LiveDepthSource}) or a journal replayed
 * ({@link ReplayDepthSource}). The engine starts it once the handlers run and halts it first when it
 * shuts down.
 */
interface DepthSource
{
    /**
     * Starts an agent on its own thread, or to be invoked by the engine's caller; the engine closes the runner or
     * invoker if the source does not.
     */
    @FunctionalInterface
    interface AgentStarter
    {
        AutoCloseable start(Agent agent);
    }

    /** What the source is, for the log: e.g. {@code 500 instruments in 1 feed groups}. */
    String describe();

    /** What the journal's session record says of the source: its endpoints, or the journal replayed and at what pace. */
    String sessionSource();

    /** Asks for a fresh snapshot of a book that needs one. */
    SnapshotRequester snapshotRequester();

    /** Told, on the book handler thread, when a book becomes valid or stops being valid. */
    BookStateListener bookStateListener();

    /** Starts the source's agents. */
    void start(AgentStarter starter);

    /**
     * The source's part of halting producers: stops its agents without waiting on any socket (frames that
     * still arrive are refused by the closed gate and counted), adding a line to {@code failures} for what
     * did not finish.
     *
     * @return whether everything stopped by the deadline.
     */
    boolean halt(long deadlineNs, List<String> failures);

    /**
     * Once the ring is drained: ends every socket the source holds in bounded time whatever their number,
     * a close frame sent best effort and the socket aborted, then closes the feeds; nothing to do for a
     * source without sockets.
     *
     * @return whether every socket reported closed by the deadline.
     */
    default boolean disconnect(final long deadlineNs, final List<String> failures)
    {
        return true;
    }

    /** A journal writer the source owns, closed with the engine's writers at the end of shutdown; or null. */
    JournalWriter journal();

    /** Completes, with the records read, when a replay has published the whole journal; never for feeds. */
    CompletionStage<Long> done();

    /** The feed supervisor; {@link IllegalStateException} for a replay, which has no feeds. */
    FeedSupervisor feeds();

    /** Feeds per {@code FeedState} ordinal; all zero for a replay. */
    int[] feedsByState();
}
