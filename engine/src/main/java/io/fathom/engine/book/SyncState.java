package io.fathom.engine.book;

/** Where a book is in its venue's synchronisation procedure. */
public enum SyncState
{
    /** No event since start or since the book was invalidated: waiting for the first delta. */
    IDLE,
    /** Deltas are buffered while the REST snapshot is fetched. */
    BUFFERING,
    /** Snapshot applied and the chain intact: the book can be trusted, signals are computed. */
    LIVE,
    /** The feed was cancelled: events are discarded until the feed is launched again. */
    CLOSED
}
