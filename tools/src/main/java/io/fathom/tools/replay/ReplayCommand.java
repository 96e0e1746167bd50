package io.fathom.tools.replay;

import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.journal.BookStateRecord;
import io.fathom.codec.journal.DeltaRecord;
import io.fathom.codec.journal.JournalTemplate;
import io.fathom.codec.journal.SessionRecords;
import io.fathom.codec.journal.SnapshotRecord;
import io.fathom.tools.cli.JsonWriter;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code fathom replay}: prints every journal record and a summary. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Reads a journal: every record (text or JSON lines), then a summary of records by type and the last snapshot of each book.")
public final class ReplayCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "journal directory")
    File directory;

    @Option(names = "--symbol", paramLabel = "S", description = "only records of this symbol (case-insensitive)")
    String symbol;

    @Option(names = "--format", paramLabel = "F", description = "text or jsonl; default: ${DEFAULT-VALUE}")
    String format = "text";

    @Option(names = "--summary-json", paramLabel = "FILE", description = "write the summary as JSON")
    File summaryJson;

    @Option(names = "--summary-only", description = "print the summary without the records")
    boolean summaryOnly;

    private final PrintWriter out = new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16), false);

    private final Map<JournalTemplate, Long> recordsByType = new EnumMap<>(JournalTemplate.class);
    private final Map<String, Long> snapshotsByReason = new TreeMap<>();
    private final Map<String, BookSummary> books = new LinkedHashMap<>();
    private List<SessionRecords.Instrument> instruments = List.of();
    private long unknownRecords;
    private long sessions;
    private long cleanSessionEnds;
    private final DeltaRecord delta = DeltaRecord.reader();
    private final SnapshotRecord snapshot = SnapshotRecord.reader();
    private final BookStateRecord bookState = BookStateRecord.reader();

    /** The last snapshot of one book. */
    private record BookSummary(
        String venue, String symbol, String reason, boolean valid, long updateId, long epochNs,
        int bids, int asks, String bestBid, String bestBidQty, String bestAsk, String bestAskQty)
    {
    }

    @Override
    public Integer call()
    {
        if (!"text".equals(format) && !"jsonl".equals(format))
        {
            throw new IllegalArgumentException("--format must be text or jsonl (got '" + format + "')");
        }
        final long total;
        final long lastIndex;
        try (JournalReader reader = new JournalReader(directory))
        {
            total = reader.readAll(new JournalReader.Visitor()
            {
                @Override
                public void onRecord(final JournalTemplate template, final UnsafeBuffer buffer, final int length, final long index)
                {
                    onJournalRecord(template, buffer);
                }

                @Override
                public void onUnknown(final int schemaId, final int version, final int templateId, final long index)
                {
                    unknownRecords++;
                    if (!summaryOnly)
                    {
                        out.printf("unknown record at index %x: schema %d version %d template %d%n", index, schemaId, version, templateId);
                    }
                }
            });
            lastIndex = reader.lastIndex();
        }
        printSummary(total, lastIndex);
        out.flush();
        if (summaryJson != null)
        {
            try
            {
                Files.writeString(summaryJson.toPath(), summaryJson(total) + "\n", StandardCharsets.UTF_8);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return unknownRecords == 0 ? 0 : 1;
    }

    private void onJournalRecord(final JournalTemplate template, final UnsafeBuffer buffer)
    {
        switch (template)
        {
            case SESSION_START:
                final SessionRecords.SessionStart start = SessionRecords.decodeStart(buffer, 0);
                instruments = start.instruments();
                sessions++;
                count(template);
                if (!summaryOnly && symbol == null)
                {
                    printSessionStart(start);
                }
                break;
            case SESSION_END:
                final SessionRecords.SessionEnd end = SessionRecords.decodeEnd(buffer, 0);
                cleanSessionEnds += end.clean() ? 1 : 0;
                count(template);
                if (!summaryOnly && symbol == null)
                {
                    printSessionEnd(end);
                }
                break;
            case DELTA:
                delta.wrap(buffer, 0);
                if (selected(delta.instrumentId()))
                {
                    count(template);
                    if (!summaryOnly)
                    {
                        printDelta();
                    }
                }
                break;
            case SNAPSHOT:
                snapshot.wrap(buffer, 0);
                if (selected(snapshot.instrumentId()))
                {
                    count(template);
                    onSnapshot();
                }
                break;
            case BOOK_STATE:
                bookState.wrap(buffer, 0);
                if (selected(bookState.instrumentId()))
                {
                    count(template);
                    if (!summaryOnly)
                    {
                        printBookState();
                    }
                }
                break;
            default:
                unknownRecords++;
        }
    }

    private void count(final JournalTemplate template)
    {
        recordsByType.merge(template, 1L, Long::sum);
    }

    private boolean selected(final int instrumentId)
    {
        return symbol == null || instrument(instrumentId).symbol().equalsIgnoreCase(symbol);
    }

    private SessionRecords.Instrument instrument(final int instrumentId)
    {
        if (instrumentId >= 0 && instrumentId < instruments.size())
        {
            return instruments.get(instrumentId);
        }
        return new SessionRecords.Instrument(instrumentId, "?", "#" + instrumentId, 8, 8);
    }

    private void onSnapshot()
    {
        final SessionRecords.Instrument instrument = instrument(snapshot.instrumentId());
        final String reason = SnapshotRecord.reasonName(snapshot.reason());
        snapshotsByReason.merge(reason, 1L, Long::sum);
        final int ps = instrument.priceScale();
        final int qs = instrument.quantityScale();
        final boolean hasBid = snapshot.bidCount() > 0;
        final boolean hasAsk = snapshot.askCount() > 0;
        books.put(instrument.venue() + ":" + instrument.symbol(), new BookSummary(
            instrument.venue(), instrument.symbol(), reason, snapshot.valid(), snapshot.updateId(), snapshot.epochNs(),
            snapshot.bidCount(), snapshot.askCount(),
            hasBid ? FixedPoint.format(snapshot.bidPrice(0), ps) : null,
            hasBid ? FixedPoint.format(snapshot.bidQuantity(0), qs) : null,
            hasAsk ? FixedPoint.format(snapshot.askPrice(0), ps) : null,
            hasAsk ? FixedPoint.format(snapshot.askQuantity(0), qs) : null));
        if (!summaryOnly)
        {
            printSnapshot(instrument, reason);
        }
    }

    private static String time(final long epochNs)
    {
        return Instant.ofEpochSecond(0, epochNs).toString();
    }

    private void printSessionStart(final SessionRecords.SessionStart start)
    {
        if ("jsonl".equals(format))
        {
            final JsonWriter json = new JsonWriter().beginObject()
                .field("type", "session_start").field("time", time(start.epochNs()))
                .name("instruments").beginArray();
            for (final SessionRecords.Instrument i : start.instruments())
            {
                json.beginObject().field("id", i.id()).field("venue", i.venue()).field("symbol", i.symbol())
                    .field("price_scale", i.priceScale()).field("quantity_scale", i.quantityScale()).endObject();
            }
            out.println(json.endArray().endObject());
        }
        else
        {
            out.printf("%s session_start instruments=%d%n", time(start.epochNs()), start.instruments().size());
        }
    }

    private void printSessionEnd(final SessionRecords.SessionEnd end)
    {
        if ("jsonl".equals(format))
        {
            out.println(new JsonWriter().beginObject().field("type", "session_end").field("time", time(end.epochNs()))
                .field("clean", end.clean()).field("delta_records", end.deltaRecords())
                .field("snapshot_records", end.snapshotRecords()).endObject());
        }
        else
        {
            out.printf("%s session_end clean=%s deltas=%d snapshots=%d%n",
                time(end.epochNs()), end.clean(), end.deltaRecords(), end.snapshotRecords());
        }
    }

    private void printDelta()
    {
        final SessionRecords.Instrument instrument = instrument(delta.instrumentId());
        final int ps = instrument.priceScale();
        final int qs = instrument.quantityScale();
        if ("jsonl".equals(format))
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
                    .field("price", FixedPoint.format(delta.price(i), ps))
                    .field("qty", FixedPoint.format(delta.quantity(i), qs)).endObject();
            }
            out.println(json.endArray().endObject());
            return;
        }
        out.printf("%s delta %s U=%d u=%d", time(delta.receiveEpochNs()), instrument.symbol(),
            delta.firstUpdateId(), delta.lastUpdateId());
        if (delta.partCount() > 1)
        {
            out.printf(" part=%d/%d", delta.partIndex() + 1, delta.partCount());
        }
        for (int i = 0; i < delta.levelCount(); i++)
        {
            out.printf(" %s %s@%s", delta.side(i) == 0 ? "bid" : "ask",
                FixedPoint.format(delta.quantity(i), qs), FixedPoint.format(delta.price(i), ps));
        }
        out.println();
    }

    private void printSnapshot(final SessionRecords.Instrument instrument, final String reason)
    {
        final int ps = instrument.priceScale();
        final int qs = instrument.quantityScale();
        if ("jsonl".equals(format))
        {
            final JsonWriter json = new JsonWriter().beginObject()
                .field("type", "snapshot").field("time", time(snapshot.epochNs()))
                .field("venue", instrument.venue()).field("symbol", instrument.symbol())
                .field("reason", reason).field("valid", snapshot.valid()).field("update_id", snapshot.updateId())
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

    private void printBookState()
    {
        final SessionRecords.Instrument instrument = instrument(bookState.instrumentId());
        final String reason = BookStateRecord.reasonName(bookState.reason());
        if ("jsonl".equals(format))
        {
            out.println(new JsonWriter().beginObject().field("type", "book_state").field("time", time(bookState.epochNs()))
                .field("venue", instrument.venue()).field("symbol", instrument.symbol()).field("state", "invalid")
                .field("reason", reason).field("update_id", bookState.updateId()).endObject());
        }
        else
        {
            out.printf("%s book_state %s invalid reason=%s u=%d%n", time(bookState.epochNs()), instrument.symbol(),
                reason, bookState.updateId());
        }
    }

    private void printSummary(final long total, final long lastIndex)
    {
        out.printf("summary: %d records in %s, %d sessions (%d ended cleanly), last index %s%n",
            total, directory, sessions, cleanSessionEnds, lastIndex < 0 ? "-" : Long.toHexString(lastIndex));
        for (final JournalTemplate template : JournalTemplate.values())
        {
            out.printf("  %-13s %d%n", template.label(), recordsByType.getOrDefault(template, 0L));
        }
        snapshotsByReason.forEach((reason, n) -> out.printf("  snapshots %-9s %d%n", reason, n));
        if (unknownRecords > 0)
        {
            out.printf("  unknown       %d%n", unknownRecords);
        }
        for (final BookSummary book : books.values())
        {
            out.printf("  book %s:%s u=%d %s%s bids=%d asks=%d best_bid=%s best_ask=%s%n", book.venue(), book.symbol(),
                book.updateId(), book.reason(), book.valid() ? "" : " (invalid)", book.bids(), book.asks(),
                book.bestBid(), book.bestAsk());
        }
    }

    private String summaryJson(final long total)
    {
        final JsonWriter json = new JsonWriter().beginObject()
            .field("records", total)
            .field("sessions", sessions)
            .field("clean_session_ends", cleanSessionEnds)
            .field("unknown_records", unknownRecords)
            .name("records_by_type").beginObject();
        for (final JournalTemplate template : JournalTemplate.values())
        {
            json.field(template.label(), recordsByType.getOrDefault(template, 0L));
        }
        json.endObject().name("snapshots_by_reason").beginObject();
        snapshotsByReason.forEach(json::field);
        json.endObject().name("books").beginArray();
        for (final BookSummary book : books.values())
        {
            json.beginObject()
                .field("venue", book.venue()).field("symbol", book.symbol())
                .field("reason", book.reason()).field("valid", book.valid())
                .field("update_id", book.updateId()).field("time", time(book.epochNs()))
                .field("bid_levels", book.bids()).field("ask_levels", book.asks())
                .field("best_bid", book.bestBid()).field("best_bid_qty", book.bestBidQty())
                .field("best_ask", book.bestAsk()).field("best_ask_qty", book.bestAskQty())
                .endObject();
        }
        return json.endArray().endObject().toString();
    }
}
