package io.fathom.tools.replay;

import io.fathom.codec.json.JsonWriter;
import io.fathom.engine.journal.Journal;
import io.fathom.engine.journal.JournalReader;
import io.fathom.tools.cli.OutputFiles;
import io.fathom.tools.cli.SignalExit;
import org.agrona.concurrent.ShutdownSignalBarrier;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
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
import java.util.concurrent.Callable;

/** {@code fathom replay}: a journal's summary, its records, a book at a moment, or a check of the whole. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
        "Reads a journal. By default prints a summary: records by type, snapshots by reason, each book's last snapshot " +
            "with its invalidations, and where the journal ends (its last whole record).",
        "--records (or --format jsonl|csv) prints every selected record on stdout and the summary on stderr; " +
            "--book-at prints one book at a moment; --verify rebuilds every book and compares it with every snapshot.",
        "Exit status: 0; 1 when a record could not be read, --verify found a difference or --book-at found no valid book; 2 for a usage error."
    })
public final class ReplayCommand implements Callable<Integer>
{
    private static final long JOURNAL_POLL_MS = 20;

    @Parameters(index = "0", paramLabel = "DIR", description = "journal directory")
    File directory;

    @Option(names = "--symbol", paramLabel = "S", description = "only this symbol (case-insensitive)")
    String symbol;

    @Option(names = "--venue", paramLabel = "V", description = "only this venue (case-insensitive)")
    String venue;

    @Option(names = "--from", paramLabel = "TIME", description = "only records at or after this ISO-8601 time (UTC unless it has an offset)")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "only records at or before this ISO-8601 time")
    String to;

    @Option(names = "--format", paramLabel = "F",
        description = "text, jsonl or csv (one row per level change: " + RecordPrinter.CSV_HEADER + "); jsonl and csv imply --records; default: text")
    String format;

    @Option(names = "--records", description = "print every selected record (the summary then goes to stderr)")
    boolean records;

    @Option(names = "--summary-only", hidden = true, description = "the default; kept for existing scripts")
    boolean summaryOnly;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "write the summary as JSON")
    File summaryJson;

    @Option(names = "--book-at", paramLabel = "TIME",
        description = "the book of --symbol at this ISO-8601 time: the last snapshot at or before it plus the deltas received after it up to then")
    String bookAt;

    @Option(names = "--depth", paramLabel = "N", description = "with --book-at: levels per side to print; default: all")
    int depth = Integer.MAX_VALUE;

    @Option(names = "--verify",
        description = "rebuild every book from its sync snapshot and the deltas after it, compare with every periodic and final snapshot, report each difference")
    boolean verify;

    @Option(names = "--follow", description = "keep reading as the journal grows (records as they come) until Ctrl-C or SIGTERM; " +
        "waits for the journal when the engine has not created it yet")
    boolean follow;

    private final PrintWriter out = new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16), false);
    private final PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    private volatile boolean stop;

    @Override
    public Integer call()
    {
        final ReplayFormat replayFormat = ReplayFormat.parse(format == null ? "text" : format);
        final long fromNs = from == null ? Long.MIN_VALUE : IsoTime.parseEpochNs("--from", from);
        final long toNs = to == null ? Long.MAX_VALUE : IsoTime.parseEpochNs("--to", to);
        if (fromNs > toNs)
        {
            throw new IllegalArgumentException("--from must not be after --to");
        }
        if (summaryJson != null)
        {
            OutputFiles.requireWritable("--summary-json", summaryJson);
        }
        if (bookAt == null && depth != Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("--depth needs --book-at: it limits the levels of the book printed");
        }
        if (bookAt != null)
        {
            if (symbol == null)
            {
                throw new IllegalArgumentException("--book-at needs --symbol: it rebuilds one instrument's book");
            }
            if (follow || verify || records || from != null || to != null)
            {
                throw new IllegalArgumentException("--book-at does not combine with --follow, --verify, --records, --from or --to");
            }
            if (depth < 1)
            {
                throw new IllegalArgumentException("--depth must be at least 1 (got " + depth + ")");
            }
            return bookAt(replayFormat, IsoTime.parseEpochNs("--book-at", bookAt));
        }
        final boolean printRecords = records || follow || replayFormat != ReplayFormat.TEXT;
        if (summaryOnly && printRecords)
        {
            throw new IllegalArgumentException("--summary-only does not combine with --records, --follow or --format jsonl|csv");
        }
        return walk(replayFormat, new RecordFilter(symbol, venue, fromNs, toNs), printRecords);
    }

    private int walk(final ReplayFormat replayFormat, final RecordFilter filter, final boolean printRecords)
    {
        try
        {
            Journal.loadLibrary();
        }
        catch (final RuntimeException | LinkageError ex)
        {
            // a signal came first, so Chronicle could not register its hook: there is nothing to follow
            if (follow && SignalExit.jvmShuttingDown())
            {
                SignalExit.haltIfSignalled(0);
            }
            throw ex;
        }
        final ShutdownSignalBarrier barrier = follow ? SignalExit.barrier() : null;
        try
        {
            int status = 0;
            if (barrier != null)
            {
                stopOnSignal(barrier);
            }
            if (barrier == null || awaitJournal(printRecords ? err : out))
            {
                status = walk(replayFormat, filter, printRecords, barrier);
            }
            if (barrier != null)
            {
                SignalExit.haltIfSignalled(status);
            }
            return status;
        }
        finally
        {
            if (barrier != null)
            {
                barrier.close();
            }
        }
    }

    private int walk(
        final ReplayFormat replayFormat, final RecordFilter filter, final boolean printRecords, final ShutdownSignalBarrier barrier)
    {
        final PrintWriter diagnostics = printRecords ? err : out;
        final ReplaySummary summary = new ReplaySummary(filter);
        final JournalWalker walker = new JournalWalker().add(summary);
        final JournalVerifier verifier = verify ? new JournalVerifier(
            (instrument, epochNs) -> filter.accepts(instrument, epochNs),
            difference -> diagnostics.println("verify: " + difference)) : null;
        if (verifier != null)
        {
            walker.add(verifier);
        }
        if (printRecords)
        {
            walker.add(new RecordPrinter(out, replayFormat, filter));
        }
        final JournalEnd end;
        try (JournalReader reader = new JournalReader(directory))
        {
            if (barrier != null)
            {
                follow(reader, walker, filter);
            }
            else
            {
                reader.readAll(walker);
            }
            end = JournalEnd.of(reader, walker);
        }
        out.flush();
        summary.finish(walker.lastEpochNs());
        summary.print(diagnostics, directory.toString(), walker, end, !printRecords);
        if (verifier != null)
        {
            verifier.holes().forEach(hole -> diagnostics.println("verify: " + hole));
            diagnostics.printf("verify: %d differences; %d books synced, %d started at a later snapshot, %d snapshots compared, " +
                "%d deltas applied, %d deltas before any snapshot of their book; %d journal holes%n", verifier.differenceCount(),
                verifier.syncs(),
                verifier.booksAdopted(), verifier.snapshotsCompared(), verifier.deltasApplied(), verifier.deltasWithoutBook(),
                verifier.holes().size());
        }
        diagnostics.flush();
        if (summaryJson != null)
        {
            final JsonWriter json = summary.json(walker, end);
            if (verifier != null)
            {
                verifyJson(json, verifier);
            }
            write(json.endObject().toString());
        }
        out.flush();
        return summary.unreadable() > 0 || (verifier != null && verifier.differenceCount() > 0) ? 1 : 0;
    }

    private void stopOnSignal(final ShutdownSignalBarrier barrier)
    {
        final Thread waiter = new Thread(() ->
        {
            barrier.await();
            stop = true;
        }, "fathom-replay-follow");
        waiter.setDaemon(true);
        waiter.start();
    }

    /**
     * With {@code --follow} started before the engine: waits until the journal directory holds a roll-cycle
     * file, saying so once. @return false when a signal came first.
     */
    private boolean awaitJournal(final PrintWriter diagnostics)
    {
        if (hasJournal(directory))
        {
            return true;
        }
        diagnostics.println("waiting for a journal at " + directory);
        diagnostics.flush();
        final SleepingMillisIdleStrategy idle = new SleepingMillisIdleStrategy(JOURNAL_POLL_MS);
        while (!stop)
        {
            if (hasJournal(directory))
            {
                return true;
            }
            idle.idle();
        }
        diagnostics.println("stopped before a journal appeared at " + directory);
        diagnostics.flush();
        return false;
    }

    /** What {@link JournalReader} opens: a directory with at least one {@code .cq4} roll-cycle file. */
    private static boolean hasJournal(final File directory)
    {
        final File[] cycles = directory.listFiles((dir, name) -> name.endsWith(".cq4"));
        return cycles != null && cycles.length > 0;
    }

    /** Reads as the journal grows until a signal, or a record past {@code --to}. */
    private void follow(final JournalReader reader, final JournalWalker walker, final RecordFilter filter)
    {
        final SleepingMillisIdleStrategy idle = new SleepingMillisIdleStrategy(5);
        while (!stop && (walker.lastEpochNs() == Long.MIN_VALUE || walker.lastEpochNs() <= filter.toEpochNs()))
        {
            int read = 0;
            while (read < 4096 && reader.readOne(walker))
            {
                read++;
            }
            if (read == 0)
            {
                out.flush();
            }
            idle.idle(read);
        }
        out.flush();
    }

    private int bookAt(final ReplayFormat replayFormat, final long atEpochNs)
    {
        final BookAtQuery query = new BookAtQuery(venue, symbol, atEpochNs);
        final ReplaySummary summary = new ReplaySummary(RecordFilter.ALL);
        final JournalWalker walker = new JournalWalker().add(query).add(summary);
        try (JournalReader reader = new JournalReader(directory))
        {
            while (!query.done() && reader.readOne(walker))
            {
                // the query ends the read once later records cannot change the answer
            }
        }
        new BookPrinter(out, replayFormat, depth).print(query, symbol);
        out.flush();
        return query.book() != null && summary.unreadable() == 0 ? 0 : 1;
    }

    private static void verifyJson(final JsonWriter json, final JournalVerifier verifier)
    {
        json.field("verify_differences", verifier.differenceCount())
            .field("verify_snapshots_compared", verifier.snapshotsCompared())
            .field("verify_books_synced", verifier.syncs())
            .field("verify_books_adopted", verifier.booksAdopted())
            .field("verify_deltas_applied", verifier.deltasApplied())
            .field("verify_deltas_without_book", verifier.deltasWithoutBook())
            .field("verify_holes", verifier.holes().size())
            .name("verify_details").beginArray();
        for (final JournalVerifier.Difference difference : verifier.differences())
        {
            json.beginObject().field("book", difference.book()).field("time", IsoTime.format(difference.epochNs()))
                .field("index", difference.index()).field("what", difference.what()).endObject();
        }
        json.endArray();
    }

    private void write(final String json)
    {
        try
        {
            Files.writeString(summaryJson.toPath(), json + "\n", StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
