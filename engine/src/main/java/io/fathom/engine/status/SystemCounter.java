package io.fathom.engine.status;

/**
 * The engine-wide counters, with fixed ids so that another process can read them by id.
 * Ids are never reused or renumbered; an id reserved for a counter this build lacks is held by a placeholder
 * in the counters file, so every counter keeps its id.
 */
public enum SystemCounter
{
    MESSAGES_RECEIVED(0, "messages", "frames received from venues"),
    MESSAGES_IGNORED(1, "messages_ignored", "valid frames that carry no depth (subscription replies, other streams)"),
    DECODE_ERRORS(2, "decode_errors", "frames rejected by a decoder"),
    UNKNOWN_INSTRUMENT(3, "unknown_instrument", "depth frames for a symbol this engine does not hold"),
    EVENTS_PUBLISHED(4, "events_published", "events placed in the ring"),
    EVENTS_CONSUMED(5, "events_consumed", "events taken by the book handler"),
    EVENTS_APPLIED(6, "events_applied", "events that changed a book"),
    DELTAS_APPLIED(7, "deltas_applied", "delta events applied to a book"),
    SNAPSHOT_EVENTS_APPLIED(8, "snapshot_events_applied", "snapshot events applied to a book"),
    EVENTS_DISCARDED(9, "events_discarded", "events dropped on purpose by a sync rule"),
    GAPS(10, "gaps", "sequence gaps detected"),
    RESYNCS(11, "resyncs", "books re-synchronised after being invalidated"),
    CROSSED_BOOKS(12, "crossed", "books found crossed after an update"),
    SNAPSHOT_REQUESTS(13, "snapshot_requests", "REST snapshots requested"),
    SNAPSHOT_FAILURES(14, "snapshot_failures", "REST snapshot fetches that failed"),
    STALE_SNAPSHOTS(15, "stale_snapshots", "snapshots older than the buffered stream, fetched again"),
    JOURNAL_RECORDS(16, "journal_records", "records appended to the journal"),
    RECONNECTS(17, "reconnects", "connection attempts after a loss"),
    CONNECTIONS_OPEN(18, "connections_open", "connections currently open"),
    LEVELS_BEYOND_CAPACITY(19, "levels_beyond_capacity", "levels not kept because a book side was full"),
    HANDLER_ERRORS(20, "handler_errors", "unexpected exceptions caught in a handler"),
    PENDING_OVERFLOWS(21, "pending_overflows", "sync buffers that overflowed while waiting for a snapshot"),
    SNAPSHOT_SLOT_TIMEOUTS(22, "snapshot_slot_timeouts", "book snapshots not journaled because the journal fell behind"),
    MESSAGES_AFTER_HALT(23, "messages_after_halt", "depth frames that arrived after producers were halted, not published"),
    MESSAGES_FOR_CLOSED_FEEDS(24, "messages_for_closed_feeds", "depth frames for a cancelled feed still in flight, not published"),
    ROTATIONS(25, "rotations", "connections replaced before the venue's maximum lifetime"),
    STALE_FEEDS(26, "stale_feeds", "times a live feed went without data for the stale timeout"),
    FEED_FAILURES(27, "feed_failures", "feeds that failed for good"),
    SNAPSHOT_RATE_LIMITED(28, "snapshot_rate_limited", "REST snapshot requests answered 429/418, honoured by pausing"),
    JOURNAL_FILES_DELETED(29, "journal_files_deleted", "journal roll-cycle files deleted by --journal-retention"),
    JOURNAL_BYTES_DELETED(30, "journal_bytes_deleted", "bytes of journal files deleted by --journal-retention"),
    RING_REMAINING_CAPACITY(31, "ring_remaining_capacity", "free slots in the ring, sampled every 100 ms"),
    BOOK_HANDLER_LAG(32, "book_handler_lag", "events published but not yet taken by the book handler, sampled every 100 ms"),
    JOURNAL_HANDLER_LAG(33, "journal_handler_lag", "events published but not yet journaled, sampled every 100 ms"),
    CHECKSUMS_VERIFIED(34, "checksums_verified", "venue checksums that matched the local book"),
    CHECKSUM_FAILURES(35, "checksum_failures", "venue checksums that did not match: the book was invalidated and resynced"),
    CONNECTION_SEQUENCE_GAPS(36, "connection_sequence_gaps", "gaps in a connection-wide sequence (Coinbase): the connection was restarted"),
    RING_FULL_DROPS(37, "ring_full_drops", "messages dropped after waiting --ring-full-wait for ring space: their books were resynced"),
    COUNTERS_NOT_IN_FILE(38, "counters_not_in_file", "feed or connection counters kept in memory only because counters.dat was full"),
    SYNC_TIMEOUTS(39, "sync_timeouts", "books of stream-snapshot venues not valid within --sync-timeout of being asked to sync: resync asked again"),
    UNREPRESENTABLE_VALUES(40, "unrepresentable_values", "prices or quantities their instrument's scale cannot hold (too many decimals or too large): the book was invalidated and resynced"),
    JOURNAL_SUSPENDED(42, "journal_suspended", "1 while journaling is suspended because the journal's disk is short of space, else 0"),
    JOURNAL_RECORDS_SKIPPED(43, "journal_records_skipped", "records not journaled while journaling was suspended for want of disk space"),
    MESSAGES_AFTER_RESTART(44, "messages_after_restart", "frames received after a sequence gap or a failed event condemned their connection (Coinbase), not published"),
    PUBLISH_MESSAGES(45, "publish_messages", "book messages Aeron accepted for subscribers (--publish)"),
    PUBLISH_BACK_PRESSURED(46, "publish_back_pressured", "book messages not sent because subscribers fell behind: their books are sent whole later"),
    PUBLISH_NOT_CONNECTED(47, "publish_not_connected", "book messages not sent because no subscriber was connected: their books are sent whole later"),
    PUBLISH_ADMIN_ACTIONS(48, "publish_admin_actions", "book message offers Aeron asked to retry (admin action)"),
    PUBLISH_CLOSED(49, "publish_closed", "book messages not sent because the publication was closed or full"),
    PUBLISH_REQUESTS(60, "publish_requests", "snapshot requests read from subscribers on the control stream (--publish-control)"),
    PUBLISH_REQUESTS_COALESCED(61, "publish_requests_coalesced", "books requested again while already waiting to be sent: sent once"),
    PUBLISH_REQUEST_ANSWERS(62, "publish_request_answers", "books sent whole to answer snapshot requests"),
    PUBLISH_REQUESTS_REFUSED(63, "publish_requests_refused", "control messages ignored: another schema or template, malformed, or an instrument this engine does not publish"),
    PUBLISH_REQUESTS_RATE_LIMITED(64, "publish_requests_rate_limited", "duty cycles in which --publish-request-rate held requested books back"),
    INSTRUMENT_METADATA_INSTRUMENTS(65, "instrument_metadata_instruments", "held instruments whose scales came from their venue's instrument metadata"),
    INSTRUMENT_METADATA_FAILURES(66, "instrument_metadata_failures", "venue instrument metadata requests that failed (no answer in time, HTTP error, a body not in the documented shape): their instruments keep the scales given or the run-wide ones");

    private final int id;
    private final String label;
    private final String description;

    SystemCounter(final int id, final String label, final String description)
    {
        this.id = id;
        this.label = label;
        this.description = description;
    }

    public int id()
    {
        return id;
    }

    public String label()
    {
        return label;
    }

    public String description()
    {
        return description;
    }

    /** One more than the highest id: the length of an array indexed by id. */
    public static int idLimit()
    {
        int limit = 0;
        for (final SystemCounter counter : values())
        {
            limit = Math.max(limit, counter.id + 1);
        }
        return limit;
    }
}
