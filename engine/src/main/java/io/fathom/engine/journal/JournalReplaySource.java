package io.fathom.engine.journal;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.JournalRecords;
import io.fathom.codec.journal.JournalTemplate;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.engine.feed.VenueInstruments;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.status.SystemCounter;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Drives the engine from a journal instead of sockets: publishes what the live engine applied, in
 * journal order, so the book handler makes the same listener calls with the same signals.
 *
 * <p>A sync snapshot and the deltas journaled with it were one step live (the buffered stream applied
 * on top of the REST snapshot, then one listener call); they are published as those deltas followed
 * by a {@link DepthEvent#KIND_JOURNAL_SNAPSHOT}, which the book handler loads as authoritative.
 * Applied deltas follow as deltas, reassembled into whole messages; an invalidation becomes a reset;
 * a new session resets every book, as a restarted engine starts empty. A journal that begins
 * mid-session (older files deleted) starts each book at its first periodic snapshot. Version 1
 * journals do not say which deltas belong to a sync: they are replayed one by one.
 *
 * <p>As fast as the ring takes it, or paced to the recorded times. Runs as an Agent on its own thread.
 */
public final class JournalReplaySource implements Agent
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalReplaySource.class);
    private static final int RECORDS_PER_DUTY_CYCLE = 1024;

    private final File directory;
    private final VenueInstruments instruments;
    private final DepthPublisher publisher;
    private final NanoClock clock;
    private final AtomicCounter messagesReceived;
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private final boolean[] synced;
    private final DepthMessage[] inFlight;
    private final DeltaRecord delta = DeltaRecord.reader();
    private final SnapshotRecord snapshot = SnapshotRecord.reader();
    private final BookStateRecord bookState = BookStateRecord.reader();
    private final ReplaySync sync = new ReplaySync();
    private final ReplayCursor cursor;
    private int[] sessionToEngine = new int[0];
    private long sessionId = Long.MIN_VALUE;
    private boolean sessionSeen;
    private boolean closed;
    private long records;
    private long messages;
    private long skippedDeltas;
    private long shortSyncs;
    private boolean stopped;

    /**
     * @param replay      the journal to read and at what pace.
     * @param instruments the engine's instruments of every venue; journal instruments are matched to them by venue
     *                    and symbol, and those of venues the engine does not hold are skipped.
     */
    public JournalReplaySource(
        final ReplaySettings replay, final VenueInstruments instruments, final ReplayServices services)
    {
        this.directory = replay.directory();
        this.instruments = instruments;
        this.publisher = services.publisher();
        this.clock = services.clock();
        this.messagesReceived = services.counters().get(SystemCounter.MESSAGES_RECEIVED);
        this.synced = new boolean[instruments.size()];
        this.inFlight = new DepthMessage[instruments.size()];
        this.cursor = new ReplayCursor(replay.directory(), replay.speed(), services.clock());
    }

    /** Completes, with the number of records read, when the whole journal has been published or the engine stopped it. */
    public CompletableFuture<Long> done()
    {
        return done;
    }

    @Override
    public int doWork()
    {
        if (stopped)
        {
            return 0;
        }
        int work = 0;
        while (work < RECORDS_PER_DUTY_CYCLE)
        {
            final JournalTemplate template = cursor.next();
            if (template == null)
            {
                if (cursor.atEnd())
                {
                    finish();
                }
                return work;
            }
            records++;
            work++;
            if (!replay(template, cursor.buffer()))
            {
                stopped = true;
                LOG.info("journal replay stopped by the engine after {} records", records);
                done.complete(records);
                return work;
            }
        }
        return work;
    }

    private void finish()
    {
        if (sync.pending() && !publishSync())
        {
            stopped = true;
            done.complete(records);
            return;
        }
        stopped = true;
        LOG.info("journal replay of {} done: {} records, {} messages published, {} deltas without a book skipped, " +
            "{} unreadable records", directory, records, messages, skippedDeltas, cursor.unreadable());
        done.complete(records);
    }

    /** @return false when the engine no longer takes events. */
    private boolean replay(final JournalTemplate template, final UnsafeBuffer buffer)
    {
        switch (template)
        {
            case SESSION_START:
                return onSessionStart(SessionRecords.decodeStart(buffer, 0, cursor.length()));
            case SNAPSHOT:
                return onSnapshot(snapshot.wrap(buffer, 0));
            case DELTA:
                return onDelta(delta.wrap(buffer, 0));
            case BOOK_STATE:
                bookState.wrap(buffer, 0);
                return completeSync() && onInvalid(engineId(bookState.instrumentId()), bookState.epochNs());
            case JOURNAL_GAP:
                return completeSync() && onHole(JournalRecords.epochNs(template, buffer, 0));
            default:
                return true;
        }
    }

    /** Records are missing here (the engine's disk was short of space): every book waits for its next snapshot. */
    private boolean onHole(final long epochNs)
    {
        for (int id = 0; id < synced.length; id++)
        {
            if (inFlight[id] != null)
            {
                ReplayMessages.clear(inFlight[id]);
            }
            if (!onInvalid(id, epochNs))
            {
                return false;
            }
        }
        return true;
    }

    private boolean onSessionStart(final SessionRecords.SessionStart start)
    {
        if (!completeSync())
        {
            return false;
        }
        final boolean sameSession = start.continuation() && start.config().sessionId() == sessionId && sessionSeen;
        final List<SessionRecords.Instrument> table = start.instruments();
        int maxId = -1;
        for (final SessionRecords.Instrument instrument : table)
        {
            maxId = Math.max(maxId, instrument.id());
        }
        sessionToEngine = new int[maxId + 1];
        Arrays.fill(sessionToEngine, -1);
        for (final SessionRecords.Instrument instrument : table)
        {
            if (instrument.id() >= 0)
            {
                sessionToEngine[instrument.id()] = instruments.id(instrument.venue(), instrument.symbol());
            }
        }
        if (!sameSession)
        {
            for (int id = 0; id < synced.length; id++)
            {
                if (inFlight[id] != null)
                {
                    ReplayMessages.clear(inFlight[id]);
                }
                if (synced[id] && !onInvalid(id, start.epochNs()))
                {
                    return false;
                }
            }
        }
        sessionId = start.config().sessionId();
        sessionSeen = true;
        return true;
    }

    private boolean onSnapshot(final SnapshotRecord record)
    {
        final int id = engineId(record.instrumentId());
        if (!completeSync())
        {
            return false;
        }
        if (id < 0)
        {
            return true;
        }
        final boolean isSync = record.reason() == SnapshotRecord.REASON_SYNC;
        if (!isSync && (synced[id] || !record.valid()))
        {
            return true;
        }
        if (isSync && !onInvalid(id, record.epochNs()))
        {
            return false;
        }
        sync.begin(id, record, isSync ? Math.max(0, record.syncDeltaCount()) : 0);
        if (inFlight[id] != null)
        {
            ReplayMessages.clear(inFlight[id]);
        }
        return sync.recordsRemaining() > 0 || publishSync();
    }

    private boolean onDelta(final DeltaRecord record)
    {
        final int id = engineId(record.instrumentId());
        if (sync.takes(id))
        {
            return sync.add(record) > 0 || publishSync();
        }
        if (!completeSync())
        {
            return false;
        }
        if (id < 0 || !synced[id])
        {
            skippedDeltas++;
            return true;
        }
        DepthMessage message = inFlight[id];
        if (message == null)
        {
            message = new DepthMessage(Math.max(64, record.levelCount()));
        }
        if (record.partIndex() == 0)
        {
            ReplayMessages.clear(message);
        }
        message = ReplayMessages.addPart(message, record);
        inFlight[id] = message;
        if (record.partIndex() < record.partCount() - 1)
        {
            return true;
        }
        return publish(id, message, record.receiveEpochNs());
    }

    private boolean onInvalid(final int id, final long epochNs)
    {
        if (id < 0 || !synced[id])
        {
            return true;
        }
        synced[id] = false;
        return publisher.publishReset(id, clock.nanoTime(), epochNs);
    }

    /** Publishes a pending sync before any book record that is not one of its deltas, so nothing overtakes it. */
    private boolean completeSync()
    {
        if (!sync.pending())
        {
            return true;
        }
        if (sync.recordsRemaining() > 0)
        {
            shortSyncs++;
            LOG.warn("journal sync snapshot of instrument {} is followed by {} fewer deltas than it declares",
                instruments.symbol(sync.instrumentId()), sync.recordsRemaining());
        }
        return publishSync();
    }

    private boolean publishSync()
    {
        final int id = sync.instrumentId();
        for (int i = 0; i < sync.deltaMessages(); i++)
        {
            if (!publish(id, sync.delta(i), sync.deltaReceiveEpochNs(i)))
            {
                sync.clear();
                return false;
            }
        }
        synced[id] = true;
        final boolean published = publish(id, sync.snapshot(), sync.epochNs());
        sync.clear();
        return published;
    }

    private boolean publish(final int id, final DepthMessage message, final long epochNs)
    {
        if (publisher.publish(id, message, clock.nanoTime(), epochNs) == 0)
        {
            return false;
        }
        messages++;
        messagesReceived.increment();
        return true;
    }

    private int engineId(final int sessionInstrumentId)
    {
        return sessionInstrumentId >= 0 && sessionInstrumentId < sessionToEngine.length ?
            sessionToEngine[sessionInstrumentId] : -1;
    }

    /** Journal records read and replayed so far. */
    public long records()
    {
        return records;
    }

    /** Deltas of books the journal had not synced (its start deleted, or another venue): not replayed. */
    public long skippedDeltas()
    {
        return skippedDeltas;
    }

    /** Sync snapshots followed by fewer deltas than they declared (never expected). */
    public long shortSyncs()
    {
        return shortSyncs;
    }

    /** Records of a newer version, another schema, or that did not check as whole. */
    public long unreadableRecords()
    {
        return cursor.unreadable();
    }

    @Override
    public void onClose()
    {
        if (!closed)
        {
            closed = true;
            cursor.close();
        }
        done.complete(records);
    }

    @Override
    public String roleName()
    {
        return "fathom-journal-replay";
    }
}
