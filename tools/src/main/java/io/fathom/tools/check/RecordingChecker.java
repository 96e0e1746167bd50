package io.fathom.tools.check;

import io.fathom.engine.handler.HandlerSettings;
import io.fathom.engine.handler.BookCollaborators;
import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.recording.RecordType;
import io.fathom.codec.recording.RecordingReader;
import io.fathom.codec.instrument.ScaleCatalogue;
import io.fathom.codec.instrument.UnrepresentableValues;
import io.fathom.codec.venue.FrameDecoder;
import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.BookScales;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.feed.ConnectionSequence;
import io.fathom.engine.feed.InstrumentTable;
import io.fathom.engine.handler.BookHandler;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.InlineRing;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import io.fathom.engine.sync.BookSync;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a recording through the venue's decoder and the engine's own book handler and sync rule, on one
 * thread and without a network, and reports per instrument what the venue's integrity fields said.
 *
 * <p>Snapshot requests are answered from the recording: for REST-snapshot venues with the next recorded
 * response for that symbol, held back until the stream reaches the time it was received, as it was live.
 * A recording cannot resubscribe, so a snapshot-on-subscribe book that failed its check is resynced the
 * only way a recording allows: a copy of the book keeps following the venue's updates and, once the venue
 * has set again every level the failed message touched and the copy matches a checksum, the copy is
 * loaded as the book's new snapshot; checksums that arrive in between are counted as unverified.
 */
public final class RecordingChecker
{
    private static final int MAX_LEVELS_PER_MESSAGE = 20_000;
    private static final int LEVELS_PER_EVENT = 64;
    private static final int MIN_BOOK_CAPACITY = 5_000;

    private final Venue venue;
    private final ScaleCatalogue catalogue;
    private final Integer depthOption;

    private InstrumentTable instruments;
    private InstrumentCheck[] checks;
    private BookHandler handler;
    private InlineRing ring;
    private EngineCounters counters;
    private FrameDecoder decoder;
    private BookSync sync;
    private BookTickers tickers;
    private ShadowBooks shadows;
    private RecordedSnapshots restSnapshots;
    private final List<Integer> snapshotRequests = new ArrayList<>();
    private final List<Integer> pendingSnapshots = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final DepthMessage message = new DepthMessage(MAX_LEVELS_PER_MESSAGE);
    private final DepthMessage snapshot = new DepthMessage(MAX_LEVELS_PER_MESSAGE);
    private long decodeErrors;
    private long unknownInstruments;
    private long connectionGaps;
    private final ConnectionSequence connectionSequence = new ConnectionSequence();

    /**
     * @param depth the subscribed depth where the venue truncates to one (Kraken); null to read it from the
     *              recording's subscribe messages.
     */
    public RecordingChecker(final Venue venue, final int priceScale, final int quantityScale, final Integer depth)
    {
        this(venue, ScaleCatalogue.uniform(priceScale, quantityScale), depth);
    }

    /**
     * @param catalogue each instrument's scales, and the defaults of those it does not list.
     * @param depth     the subscribed depth where the venue truncates to one (Kraken); null to read it from the
     *                  recording's subscribe messages.
     */
    public RecordingChecker(final Venue venue, final ScaleCatalogue catalogue, final Integer depth)
    {
        this.venue = venue;
        this.catalogue = catalogue;
        this.depthOption = depth;
    }

    /**
     * @param http the REST snapshots of venues that sync from them; null when {@code ws} holds them too (as a
     *             {@code --capture} file does) or the venue has none.
     */
    public CheckReport check(final Path ws, final Path http) throws IOException
    {
        if (venue.restSnapshot())
        {
            restSnapshots = RecordedSnapshots.read(http != null ? http : ws, problems);
            if (restSnapshots.isEmpty())
            {
                throw new IllegalArgumentException((http != null ? http : ws) + " holds no REST snapshot, which " + venue +
                    " books sync from: give the snapshot recording with --http");
            }
        }
        decoder = FrameDecoder.forVenue(venue, catalogue);
        final int depth = depthOption != null ? depthOption : RecordingSurvey.subscribedDepth(ws);
        sync = BookSync.forVenue(venue, depth);
        instruments = new InstrumentTable(List.copyOf(RecordingSurvey.symbols(venue, catalogue, ws, message)), catalogue);
        final BookScales scales = instruments.scales();
        if (instruments.size() == 0)
        {
            throw new IllegalArgumentException(ws + " holds no " + venue + " depth message");
        }
        checks = new InstrumentCheck[instruments.size()];
        final int capacity = Math.max(MIN_BOOK_CAPACITY, depth);
        for (int id = 0; id < checks.length; id++)
        {
            checks[id] = new InstrumentCheck(instruments.symbol(id), scales.priceScale(id), scales.quantityScale(id));
        }
        shadows = new ShadowBooks(checks.length, scales, capacity, sync, MAX_LEVELS_PER_MESSAGE);
        tickers = new BookTickers(instruments.size(), scales);

        final Path runDir = Files.createTempDirectory("fathom-check");
        try (EngineCounters engineCounters = new EngineCounters(runDir.toFile()))
        {
            counters = engineCounters;
            final BookListener listener = (book, topChanged, pressure) -> tickers.onBook(book.instrumentId(),
                book.updateId(), BookTickers.Top.of(book));
            handler = new BookHandler(
                HandlerSettings.of(instruments.size(), capacity).withPendingMaxLevels(1 << 22).withScales(scales),
                sync, BookCollaborators.of(counters).withRequester(snapshotRequests::add).withListener(listener)
                    .withStateListener(new BookLiveCounts(checks)));
            ring = new InlineRing(LEVELS_PER_EVENT, counters.get(SystemCounter.EVENTS_PUBLISHED), List.of(handler));
            replay(ws);
            return report(depth);
        }
        finally
        {
            deleteQuietly(runDir);
        }
    }

    private void replay(final Path ws) throws IOException
    {
        try (RecordingReader reader = RecordingReader.open(ws))
        {
            while (reader.next())
            {
                if (reader.type() == RecordType.OPEN)
                {
                    connectionSequence.restart();
                }
                if (reader.type() != RecordType.RECEIVED)
                {
                    continue;
                }
                publishDueSnapshots(reader.timestampNs());
                onFrame(reader);
                answerSnapshotRequests(reader.timestampNs());
            }
        }
        publishDueSnapshots(Long.MAX_VALUE);
    }

    private void onFrame(final RecordingReader reader)
    {
        if (venue.restSnapshot() && BookTickers.isBookTicker(reader.payloadAsString()))
        {
            final String frame = reader.payloadAsString();
            final String symbol = BookTickers.symbol(frame);
            final int id = symbol == null ? -1 : instruments.lookup(symbol);
            final String outcome = id >= 0 ? tickers.onTicker(id, frame) : BookTickers.RECORDED;
            if (!BookTickers.RECORDED.equals(outcome))
            {
                if (!BookTickers.MISSING_FIELD.equals(outcome))
                {
                    decodeErrors++;
                }
                problems.add("line " + reader.lineNumber() + ": bookTicker " + outcome);
            }
            return;
        }
        DecodeResult result = decoder.decodeFrame(reader.payload(), reader.payloadOffset(), reader.payloadLength(), message);
        if (result.isError())
        {
            decodeErrors++;
            problems.add("line " + reader.lineNumber() + ": " + describe(result, reader.payload(), reader.payloadOffset(),
                reader.payloadLength()));
            return;
        }
        if (!inConnectionSequence(reader.lineNumber()) || result != DecodeResult.DEPTH)
        {
            return;
        }
        onMessage(reader.timestampNs());
        for (int i = 1, n = decoder.messageCount(); i < n; i++)
        {
            result = decoder.decodeMessage(i, message);
            if (result != DecodeResult.DEPTH)
            {
                decodeErrors++;
                problems.add("line " + reader.lineNumber() + ": message " + i + ": " + result);
                return;
            }
            onMessage(reader.timestampNs());
        }
    }

    /** Coinbase numbers every message of a connection: a gap leaves every book of it in doubt. */
    private boolean inConnectionSequence(final long lineNumber)
    {
        final long previous = connectionSequence.gapBefore(decoder.connectionSequence());
        if (previous == DepthMessage.NO_ID)
        {
            return true;
        }
        connectionGaps++;
        problems.add("line " + lineNumber + ": sequence_num " + decoder.connectionSequence() + " after " + previous);
        for (int id = 0; id < checks.length; id++)
        {
            ring.publishControl(DepthEvent.KIND_RESET, id);
        }
        return false;
    }

    private void onMessage(final long receivedNs)
    {
        final int id = instruments.lookup(message.symbolBytes(), 0, message.symbolLength());
        if (id < 0)
        {
            unknownInstruments++;
            return;
        }
        final InstrumentCheck check = checks[id];
        check.messages++;
        final long verified = counters.value(SystemCounter.CHECKSUMS_VERIFIED);
        final long failures = counters.value(SystemCounter.CHECKSUM_FAILURES);
        final long gaps = counters.value(SystemCounter.GAPS);
        final long crossed = counters.value(SystemCounter.CROSSED_BOOKS);
        ring.publish(id, message, receivedNs);
        final long ok = counters.value(SystemCounter.CHECKSUMS_VERIFIED) - verified;
        final long mismatch = counters.value(SystemCounter.CHECKSUM_FAILURES) - failures;
        check.checksumOk += ok;
        check.checksumMismatch += mismatch;
        check.checksumOkAfterResync = check.resyncs > 0 ? check.checksumOkAfterResync + ok : 0;
        check.gaps += counters.value(SystemCounter.GAPS) - gaps;
        check.crossed += counters.value(SystemCounter.CROSSED_BOOKS) - crossed;
        if (mismatch > 0)
        {
            problems.add(check.symbol + ": checksum mismatch at message " + check.messages);
        }
        if (!venue.restSnapshot())
        {
            followShadow(id, check, ok + mismatch == 0, mismatch > 0);
        }
    }

    /** Keeps the copy of a snapshot-on-subscribe book, and resyncs the book from it once it matches again. */
    private void followShadow(final int id, final InstrumentCheck check, final boolean notCompared, final boolean failed)
    {
        final DepthMessage resync = shadows.follow(id, message, failed);
        if (resync == null)
        {
            if (notCompared && message.hasChecksum())
            {
                check.checksumUnverified++;
            }
            return;
        }
        final long verified = counters.value(SystemCounter.CHECKSUMS_VERIFIED);
        ring.publish(id, resync, 0L);
        check.checksumOk += counters.value(SystemCounter.CHECKSUMS_VERIFIED) - verified;
        if (handler.state(id) == SyncState.LIVE)
        {
            problems.add(check.symbol + ": resynced from the stream at message " + check.messages +
                ", its checksum verified again");
        }
    }

    private void answerSnapshotRequests(final long nowNs)
    {
        while (!snapshotRequests.isEmpty())
        {
            final int id = snapshotRequests.remove(0);
            if (venue.restSnapshot())
            {
                pendingSnapshots.add(id);
            }
            else
            {
                shadows.recover(id);
            }
        }
        publishDueSnapshots(nowNs);
    }

    /** Publishes the recorded REST snapshots asked for whose receive time the stream has reached. */
    private void publishDueSnapshots(final long nowNs)
    {
        for (int i = 0; i < pendingSnapshots.size(); i++)
        {
            final int id = pendingSnapshots.get(i);
            final String symbol = instruments.symbol(id);
            if (!restSnapshots.hasMore(symbol))
            {
                problems.add(symbol + ": snapshot requested but the recording holds no more");
                pendingSnapshots.remove(i--);
                continue;
            }
            final byte[] body = restSnapshots.takeDue(symbol, nowNs);
            if (body == null)
            {
                continue;
            }
            pendingSnapshots.remove(i--);
            final DecodeResult result = decoder.decodeSnapshot(new UnsafeBuffer(body), 0, body.length, snapshot,
                instruments.scales().priceScale(id), instruments.scales().quantityScale(id));
            if (result != DecodeResult.DEPTH)
            {
                decodeErrors++;
                problems.add(instruments.symbol(id) + ": REST snapshot rejected: " + result);
                continue;
            }
            ring.publish(id, snapshot, nowNs == Long.MAX_VALUE ? 0L : nowNs);
            answerSnapshotRequests(nowNs);
        }
    }

    private CheckReport report(final int depth)
    {
        final List<String> mismatches = new ArrayList<>();
        for (int id = 0; id < checks.length; id++)
        {
            final InstrumentCheck check = checks[id];
            final OrderBook book = handler.book(id);
            check.valid = handler.state(id) == SyncState.LIVE;
            check.hasBid = book.bids().size() > 0;
            check.hasAsk = book.asks().size() > 0;
            if (check.hasBid)
            {
                check.bestBidPrice = book.bids().price(0);
                check.bestBidQuantity = book.bids().quantity(0);
            }
            if (check.hasAsk)
            {
                check.bestAskPrice = book.asks().price(0);
                check.bestAskQuantity = book.asks().quantity(0);
            }
            tickers.compare(id, check, mismatches);
        }
        problems.addAll(mismatches);
        return new CheckReport(venue, depth, catalogue.defaultPriceScale(), catalogue.defaultQuantityScale(), List.of(checks), tickers.any(), decodeErrors,
            unknownInstruments, connectionGaps, problems);
    }

    /** A decode error, naming instrument, value and scales when a value did not fit its instrument's scales. */
    private String describe(final DecodeResult result, final DirectBuffer payload, final int offset, final int length)
    {
        final int symbolLength = message.attemptedSymbolLength();
        if (result != DecodeResult.UNREPRESENTABLE_VALUE || symbolLength == 0)
        {
            return result + " at byte " + decoder.errorOffset();
        }
        final String symbol = new String(message.symbolBytes(), 0, symbolLength, StandardCharsets.US_ASCII);
        return UnrepresentableValues.describe(symbol, UnrepresentableValues.valueAt(
            new UnsafeBuffer(payload, offset, length), decoder.errorOffset(), length), message.priceScale(),
            message.quantityScale()) + " (at byte " + decoder.errorOffset() + ")";
    }

    private static void deleteQuietly(final Path dir)
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException ignored)
        {
            // a temporary directory left behind is harmless
        }
    }
}
