package io.fathom.tools.replay;

import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.FeedStateRecord;
import io.fathom.codec.journal.JournalGapRecord;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.codec.json.JsonWriter;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.PrintWriter;

/**
 * Prints the records a {@link RecordFilter} passes, as text, JSON lines, or CSV with one row per
 * level change ({@link #CSV_HEADER}): prices and quantities as exact decimal text, times ISO-8601.
 */
final class RecordPrinter implements JournalWalker.Listener
{
    static final String CSV_HEADER = "time,venue,symbol,event,first_update_id,last_update_id,side,price,qty";

    private final PrintWriter out;
    private final ReplayFormat format;
    private final RecordFilter filter;
    private final IsoTime isoTime = new IsoTime();
    private final StringBuilder line = new StringBuilder(256);
    private final UnsafeBuffer decimal = new UnsafeBuffer(new byte[FixedPoint.MAX_FORMATTED_LENGTH]);

    RecordPrinter(final PrintWriter out, final ReplayFormat format, final RecordFilter filter)
    {
        this.out = out;
        this.format = format;
        this.filter = filter;
        if (format == ReplayFormat.CSV)
        {
            out.println(CSV_HEADER);
        }
    }

    @Override
    public void onSessionStart(final SessionRecords.SessionStart start, final boolean newSession, final long index)
    {
        if (format == ReplayFormat.CSV || !filter.acceptsUnkeyed(start.epochNs()))
        {
            return;
        }
        final String type = start.continuation() ? "session_continued" : "session_start";
        if (format == ReplayFormat.JSONL)
        {
            final JsonWriter json = new JsonWriter().beginObject().field("type", type).field("time", time(start.epochNs()))
                .field("session_id", Long.toHexString(start.config().sessionId()))
                .field("pressure_depth", start.config().pressureDepth())
                .field("book_capacity", start.config().bookCapacityPerSide())
                .field("snapshot_interval_ms", start.config().snapshotIntervalMs())
                .field("config", start.config().description())
                .name("instruments").beginArray();
            for (final SessionRecords.Instrument i : start.instruments())
            {
                json.beginObject().field("id", i.id()).field("venue", i.venue()).field("symbol", i.symbol())
                    .field("price_scale", i.priceScale()).field("quantity_scale", i.quantityScale()).endObject();
            }
            out.println(json.endArray().endObject());
            return;
        }
        out.printf("%s %s id=%s instruments=%d pressure_depth=%d book_capacity=%d snapshot_interval_ms=%d %s%n",
            time(start.epochNs()), type, Long.toHexString(start.config().sessionId()), start.instruments().size(),
            start.config().pressureDepth(), start.config().bookCapacityPerSide(), start.config().snapshotIntervalMs(),
            start.config().description());
    }

    @Override
    public void onSessionEnd(final SessionRecords.SessionEnd end, final long index)
    {
        if (format == ReplayFormat.CSV || !filter.acceptsUnkeyed(end.epochNs()))
        {
            return;
        }
        if (format == ReplayFormat.JSONL)
        {
            out.println(new JsonWriter().beginObject().field("type", "session_end").field("time", time(end.epochNs()))
                .field("clean", end.clean()).field("delta_records", end.deltaRecords())
                .field("snapshot_records", end.snapshotRecords()).endObject());
            return;
        }
        out.printf("%s session_end clean=%s deltas=%d snapshots=%d%n",
            time(end.epochNs()), end.clean(), end.deltaRecords(), end.snapshotRecords());
    }

    @Override
    public void onDelta(final JournalWalker.Instrument instrument, final DeltaRecord delta, final long index)
    {
        if (!filter.accepts(instrument, delta.receiveEpochNs()))
        {
            return;
        }
        if (format == ReplayFormat.CSV)
        {
            for (int i = 0; i < delta.levelCount(); i++)
            {
                csvRow(delta.receiveEpochNs(), instrument, "delta", delta.firstUpdateId(), delta.lastUpdateId(),
                    delta.side(i) == 0 ? "bid" : "ask", delta.price(i), delta.quantity(i));
            }
            return;
        }
        if (format == ReplayFormat.JSONL)
        {
            final JsonWriter json = new JsonWriter().beginObject()
                .field("type", "delta").field("time", time(delta.receiveEpochNs()))
                .field("venue", instrument.venue()).field("symbol", instrument.symbol())
                .field("first_update_id", delta.firstUpdateId()).field("last_update_id", delta.lastUpdateId())
                .field("event_time_ms", delta.eventTimeMs())
                .field("part", delta.partIndex()).field("parts", delta.partCount())
                .name("levels").beginArray();
            for (int i = 0; i < delta.levelCount(); i++)
            {
                json.beginObject().field("side", delta.side(i) == 0 ? "bid" : "ask")
                    .field("price", FixedPoint.format(delta.price(i), instrument.priceScale()))
                    .field("qty", FixedPoint.format(delta.quantity(i), instrument.quantityScale())).endObject();
            }
            out.println(json.endArray().endObject());
            return;
        }
        line.setLength(0);
        isoTime.append(line, delta.receiveEpochNs());
        line.append(" delta ").append(instrument.symbol()).append(" U=").append(delta.firstUpdateId())
            .append(" u=").append(delta.lastUpdateId());
        if (delta.partCount() > 1)
        {
            line.append(" part=").append(delta.partIndex() + 1).append('/').append(delta.partCount());
        }
        for (int i = 0; i < delta.levelCount(); i++)
        {
            line.append(delta.side(i) == 0 ? " bid " : " ask ");
            decimal(delta.quantity(i), instrument.quantityScale()).append('@');
            decimal(delta.price(i), instrument.priceScale());
        }
        out.append(line).println();
    }

    @Override
    public void onSnapshot(final JournalWalker.Instrument instrument, final SnapshotRecord snapshot, final long index)
    {
        if (!filter.accepts(instrument, snapshot.epochNs()))
        {
            return;
        }
        final String reason = SnapshotRecord.reasonName(snapshot.reason());
        if (format == ReplayFormat.CSV)
        {
            final String event = "snapshot_" + reason + (snapshot.valid() ? "" : "_invalid");
            for (int i = 0; i < snapshot.bidCount(); i++)
            {
                csvRow(snapshot.epochNs(), instrument, event, snapshot.updateId(), snapshot.updateId(), "bid",
                    snapshot.bidPrice(i), snapshot.bidQuantity(i));
            }
            for (int i = 0; i < snapshot.askCount(); i++)
            {
                csvRow(snapshot.epochNs(), instrument, event, snapshot.updateId(), snapshot.updateId(), "ask",
                    snapshot.askPrice(i), snapshot.askQuantity(i));
            }
            if (snapshot.bidCount() + snapshot.askCount() == 0)
            {
                csvEventRow(snapshot.epochNs(), instrument, event, snapshot.updateId());
            }
            return;
        }
        final int ps = instrument.priceScale();
        final int qs = instrument.quantityScale();
        if (format == ReplayFormat.JSONL)
        {
            final JsonWriter json = new JsonWriter().beginObject()
                .field("type", "snapshot").field("time", time(snapshot.epochNs()))
                .field("venue", instrument.venue()).field("symbol", instrument.symbol())
                .field("reason", reason).field("valid", snapshot.valid()).field("update_id", snapshot.updateId())
                .field("sync_deltas", snapshot.syncDeltaCount())
                .name("bids").beginArray();
            for (int i = 0; i < snapshot.bidCount(); i++)
            {
                json.beginArray().value(FixedPoint.format(snapshot.bidPrice(i), ps))
                    .value(FixedPoint.format(snapshot.bidQuantity(i), qs)).endArray();
            }
            json.endArray().name("asks").beginArray();
            for (int i = 0; i < snapshot.askCount(); i++)
            {
                json.beginArray().value(FixedPoint.format(snapshot.askPrice(i), ps))
                    .value(FixedPoint.format(snapshot.askQuantity(i), qs)).endArray();
            }
            out.println(json.endArray().endObject());
            return;
        }
        out.printf("%s snapshot %s reason=%s valid=%s u=%d bids=%d asks=%d", time(snapshot.epochNs()),
            instrument.symbol(), reason, snapshot.valid(), snapshot.updateId(), snapshot.bidCount(), snapshot.askCount());
        if (snapshot.reason() == SnapshotRecord.REASON_SYNC && snapshot.syncDeltaCount() >= 0)
        {
            out.printf(" sync_deltas=%d", snapshot.syncDeltaCount());
        }
        if (snapshot.bidCount() > 0)
        {
            out.printf(" best_bid=%s@%s", FixedPoint.format(snapshot.bidQuantity(0), qs), FixedPoint.format(snapshot.bidPrice(0), ps));
        }
        if (snapshot.askCount() > 0)
        {
            out.printf(" best_ask=%s@%s", FixedPoint.format(snapshot.askQuantity(0), qs), FixedPoint.format(snapshot.askPrice(0), ps));
        }
        out.println();
    }

    @Override
    public void onBookState(final JournalWalker.Instrument instrument, final BookStateRecord state, final long index)
    {
        if (!filter.accepts(instrument, state.epochNs()))
        {
            return;
        }
        final String reason = BookStateRecord.reasonName(state.reason());
        if (format == ReplayFormat.CSV)
        {
            csvEventRow(state.epochNs(), instrument, "invalid_" + reason, state.updateId());
            return;
        }
        if (format == ReplayFormat.JSONL)
        {
            out.println(new JsonWriter().beginObject().field("type", "book_state").field("time", time(state.epochNs()))
                .field("venue", instrument.venue()).field("symbol", instrument.symbol()).field("state", "invalid")
                .field("reason", reason).field("update_id", state.updateId())
                .field("trigger_first_update_id", state.triggerFirstUpdateId())
                .field("trigger_last_update_id", state.triggerLastUpdateId()).endObject());
            return;
        }
        out.printf("%s book_state %s invalid reason=%s u=%d trigger U=%d u=%d%n", time(state.epochNs()), instrument.symbol(),
            reason, state.updateId(), state.triggerFirstUpdateId(), state.triggerLastUpdateId());
    }

    @Override
    public void onFeedState(final JournalWalker.Instrument instrument, final FeedStateRecord state, final long index)
    {
        if (format == ReplayFormat.CSV ||
            !(instrument == null ? filter.acceptsUnkeyed(state.epochNs()) : filter.accepts(instrument, state.epochNs())))
        {
            return;
        }
        final String from = FeedStateRecord.stateName(state.fromState());
        final String to = FeedStateRecord.stateName(state.toState());
        if (format == ReplayFormat.JSONL)
        {
            out.println(new JsonWriter().beginObject().field("type", "feed_state").field("time", time(state.epochNs()))
                .field("venue", instrument == null ? null : instrument.venue())
                .field("symbol", instrument == null ? null : instrument.symbol())
                .field("connection_id", state.connectionId()).field("from", from).field("to", to)
                .field("cause", state.cause()).endObject());
            return;
        }
        out.printf("%s feed_state %s connection=%d %s->%s cause=\"%s\"%n", time(state.epochNs()),
            instrument == null ? "*" : instrument.symbol(), state.connectionId(), from, to, state.cause());
    }

    @Override
    public void onJournalGap(final JournalGapRecord gap, final long index)
    {
        if (format == ReplayFormat.CSV || !filter.acceptsUnkeyed(gap.epochNs()))
        {
            return;
        }
        if (format == ReplayFormat.JSONL)
        {
            out.println(new JsonWriter().beginObject().field("type", "journal_gap").field("time", time(gap.epochNs()))
                .field("first_skipped", time(gap.firstSkippedEpochNs())).field("last_skipped", time(gap.lastSkippedEpochNs()))
                .field("records_skipped", gap.recordsSkipped()).endObject());
            return;
        }
        out.printf("%s journal_gap records_skipped=%d from=%s to=%s (disk short of space; books restart at their next " +
            "snapshot)%n", time(gap.epochNs()), gap.recordsSkipped(), time(gap.firstSkippedEpochNs()),
            time(gap.lastSkippedEpochNs()));
    }

    @Override
    public void onUnreadable(final boolean malformed, final String what, final long index)
    {
        if (format != ReplayFormat.CSV)
        {
            out.printf("unreadable record at index %x: %s%n", index, what);
        }
    }

    private void csvRow(
        final long epochNs,
        final JournalWalker.Instrument instrument,
        final String event,
        final long firstUpdateId,
        final long lastUpdateId,
        final String side,
        final long price,
        final long quantity)
    {
        line.setLength(0);
        isoTime.append(line, epochNs);
        line.append(',').append(instrument.venue()).append(',').append(instrument.symbol()).append(',').append(event)
            .append(',').append(firstUpdateId).append(',').append(lastUpdateId).append(',').append(side).append(',');
        decimal(price, instrument.priceScale()).append(',');
        decimal(quantity, instrument.quantityScale());
        out.append(line).println();
    }

    private void csvEventRow(final long epochNs, final JournalWalker.Instrument instrument, final String event, final long updateId)
    {
        line.setLength(0);
        isoTime.append(line, epochNs);
        line.append(',').append(instrument.venue()).append(',').append(instrument.symbol()).append(',').append(event)
            .append(',').append(updateId).append(',').append(updateId).append(",,,");
        out.append(line).println();
    }

    private StringBuilder decimal(final long mantissa, final int scale)
    {
        final int length = FixedPoint.format(mantissa, scale, decimal, 0);
        for (int i = 0; i < length; i++)
        {
            line.append((char)decimal.getByte(i));
        }
        return line;
    }

    private String time(final long epochNs)
    {
        return IsoTime.format(epochNs);
    }
}
