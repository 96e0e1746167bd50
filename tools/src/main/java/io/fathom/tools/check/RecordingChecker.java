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
import io.fathom.engine.book.BookStateListener;
import io.fathom.engine.book.BookScales;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.SyncState;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern DEPTH = Pattern.compile("\"depth\"\\s*:\\s*(\\d+)");
    private static final Pattern SYMBOL_PARAM = Pattern.compile("[?&]symbol=([A-Za-z0-9_\\-]+)");
    private static final int MAX_LEVELS_PER_MESSAGE = 20_000;
    private static final int LEVELS_PER_EVENT = 64;
    private static final int MIN_BOOK_CAPACITY = 5_000;

    /** One recorded REST snapshot: when it was received and its body. */
    private record RestSnapshot(long receivedNs, byte[] body)
    {
    }

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
    private OrderBook[] shadows;
    private boolean[] recovering;
    /** Per instrument, the levels (side and price) the failed message set, not yet set again by the venue. */
    private List<Set<Long>> suspects;
    private final Map<String, ArrayDeque<RestSnapshot>> restSnapshots = new HashMap<>();
    private final List<Integer> snapshotRequests = new ArrayList<>();
    private final List<Integer> pendingSnapshots = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final DepthMessage message = new DepthMessage(MAX_LEVELS_PER_MESSAGE);
    private final DepthMessage snapshot = new DepthMessage(MAX_LEVELS_PER_MESSAGE);
    private long decodeErrors;
    private long unknownInstruments;
    private long connectionGaps;
    private long lastConnectionSequence = DepthMessage.NO_ID;

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
            readRestSnapshots(http != null ? http : ws);
            if (restSnapshots.isEmpty())
            {
                throw new IllegalArgumentException((http != null ? http : ws) + " holds no REST snapshot, which " + venue +
                    " books sync from: give the snapshot recording with --http");
            }
        }
        decoder = FrameDecoder.forVenue(venue, catalogue);
        final int depth = depthOption != null ? depthOption : subscribedDepth(ws);
        sync = BookSync.forVenue(venue, depth);
        instruments = new InstrumentTable(List.copyOf(discoverSymbols(ws)), catalogue);
        final BookScales scales = instruments.scales();
        if (instruments.size() == 0)
        {
            throw new IllegalArgumentException(ws + " holds no " + venue + " depth message");
        }
        checks = new InstrumentCheck[instruments.size()];
        shadows = new OrderBook[instruments.size()];
        recovering = new boolean[instruments.size()];
        suspects = new ArrayList<>();
        final int capacity = Math.max(MIN_BOOK_CAPACITY, depth);
        for (int id = 0; id < checks.length; id++)
        {
            checks[id] = new InstrumentCheck(instruments.symbol(id), scales.priceScale(id), scales.quantityScale(id));
            suspects.add(new java.util.HashSet<>());
            shadows[id] = new OrderBook(id, capacity).scales(scales.priceScale(id), scales.quantityScale(id),
                sync.decimalsFromScale());
        }
        tickers = new BookTickers(instruments.size(), scales);

        final Path runDir = Files.createTempDirectory("fathom-check");
        try (EngineCounters engineCounters = new EngineCounters(runDir.toFile()))
        {
            counters = engineCounters;
            final BookListener listener = (book, topChanged, pressure) -> tickers.onBook(book.instrumentId(),
                book.updateId(), top(book));
            handler = new BookHandler(
                HandlerSettings.of(instruments.size(), capacity).withPendingMaxLevels(1 << 22).withScales(scales),
                sync, BookCollaborators.of(counters).withRequester(snapshotRequests::add).withListener(listener)
                    .withStateListener(new LiveCounts(checks)));
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
                    lastConnectionSequence = DepthMessage.NO_ID;
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
        final long sequence = decoder.connectionSequence();
        if (sequence == DepthMessage.NO_ID)
        {
            return true;
        }
        final long previous = lastConnectionSequence;
        lastConnectionSequence = sequence;
        if (previous == DepthMessage.NO_ID || sequence == previous + 1)
        {
            return true;
        }
        connectionGaps++;
        problems.add("line " + lineNumber + ": sequence_num " + sequence + " after " + previous);
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
        final OrderBook shadow = shadows[id];
        final Set<Long> inDoubt = suspects.get(id);
        if (message.kind() == DepthMessage.KIND_SNAPSHOT)
        {
            shadow.clear();
            inDoubt.clear();
        }
        for (int i = 0; i < message.levelCount(); i++)
        {
            shadow.set(message.side(i), message.price(i), message.quantity(i),
                (byte)message.priceDecimals(i), (byte)message.quantityDecimals(i));
            final Long level = message.price(i) * 2 + message.side(i);
            if (failed)
            {
                inDoubt.add(level);
            }
            else
            {
                inDoubt.remove(level);
            }
        }
        shadow.updateId(message.lastUpdateId());
        final int verdict = sync.verify(shadow, message.hasChecksum(), message.checksum());
        if (!recovering[id] || verdict != BookSync.VERIFY_OK || !inDoubt.isEmpty())
        {
            if (notCompared && message.hasChecksum())
            {
                check.checksumUnverified++;
            }
            return;
        }
        snapshot.reset();
        snapshot.kind(DepthMessage.KIND_SNAPSHOT).scales(shadow.priceScale(), shadow.quantityScale())
            .firstUpdateId(message.lastUpdateId()).lastUpdateId(message.lastUpdateId())
            .checksum(message.checksum()).eventTimeMs(message.eventTimeMs());
        copySide(shadow, DepthMessage.BID);
        copySide(shadow, DepthMessage.ASK);
        recovering[id] = false;
        final long verified = counters.value(SystemCounter.CHECKSUMS_VERIFIED);
        ring.publish(id, snapshot, 0L);
        check.checksumOk += counters.value(SystemCounter.CHECKSUMS_VERIFIED) - verified;
        if (handler.state(id) == SyncState.LIVE)
        {
            problems.add(check.symbol + ": resynced from the stream at message " + check.messages +
                ", its checksum verified again");
        }
    }

    private void copySide(final OrderBook book, final byte side)
    {
        for (int level = 0; level < book.levelCount(side); level++)
        {
            snapshot.addLevel(side, book.price(side, level), book.quantity(side, level),
                book.priceDecimals(side, level), book.quantityDecimals(side, level));
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
                recovering[id] = true;
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
            final ArrayDeque<RestSnapshot> recorded = restSnapshots.get(instruments.symbol(id));
            if (recorded == null || recorded.isEmpty())
            {
                problems.add(instruments.symbol(id) + ": snapshot requested but the recording holds no more");
                pendingSnapshots.remove(i--);
                continue;
            }
            if (recorded.peek().receivedNs() > nowNs)
            {
                continue;
            }
            final byte[] body = recorded.poll().body();
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

    private static BookTickers.Top top(final OrderBook book)
    {
        return new BookTickers.Top(
            book.bids().size() > 0 ? book.bids().price(0) : 0, book.bids().size() > 0 ? book.bids().quantity(0) : 0,
            book.asks().size() > 0 ? book.asks().price(0) : 0, book.asks().size() > 0 ? book.asks().quantity(0) : 0);
    }

    /**
     * The instruments the client subscribed to and those with depth messages, in order of first appearance:
     * one subscribed to but never received is reported as never synced rather than left out.
     */
    private Set<String> discoverSymbols(final Path ws) throws IOException
    {
        final Set<String> symbols = new LinkedHashSet<>();
        final FrameDecoder scout = FrameDecoder.forVenue(venue, catalogue);
        final SubscribedSymbols subscribed = new SubscribedSymbols(venue);
        try (RecordingReader reader = RecordingReader.open(ws))
        {
            while (reader.next())
            {
                subscribed.addFrom(reader, symbols);
                if (reader.type() != RecordType.RECEIVED ||
                    scout.decodeFrame(reader.payload(), reader.payloadOffset(), reader.payloadLength(), message) !=
                    DecodeResult.DEPTH)
                {
                    continue;
                }
                symbols.add(message.symbolAsString());
                for (int i = 1, n = scout.messageCount(); i < n; i++)
                {
                    if (scout.decodeMessage(i, message) == DecodeResult.DEPTH)
                    {
                        symbols.add(message.symbolAsString());
                    }
                }
            }
        }
        return symbols;
    }

    /** The depth of the recording's book subscription, or Kraken's default 10 when it names none. */
    private int subscribedDepth(final Path ws) throws IOException
    {
        try (RecordingReader reader = RecordingReader.open(ws))
        {
            while (reader.next())
            {
                if (reader.type() == RecordType.SENT)
                {
                    final Matcher m = DEPTH.matcher(reader.payloadAsString());
                    if (m.find())
                    {
                        return Integer.parseInt(m.group(1));
                    }
                }
            }
        }
        return 10;
    }

    private void readRestSnapshots(final Path http) throws IOException
    {
        try (RecordingReader reader = RecordingReader.open(http))
        {
            while (reader.next())
            {
                if (reader.type() != RecordType.HTTP)
                {
                    continue;
                }
                final Matcher m = SYMBOL_PARAM.matcher(reader.url());
                if (!m.find())
                {
                    problems.add(http + " line " + reader.lineNumber() + ": no symbol= in " + reader.url());
                    continue;
                }
                restSnapshots.computeIfAbsent(m.group(1).toUpperCase(java.util.Locale.ROOT), k -> new ArrayDeque<>())
                    .add(new RestSnapshot(reader.timestampNs(),
                        reader.payloadAsString().getBytes(StandardCharsets.UTF_8)));
            }
        }
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

    /** Counts a book's resyncs: every time it becomes valid after the first. */
    private static final class LiveCounts implements BookStateListener
    {
        private final InstrumentCheck[] checks;
        private final boolean[] everLive;

        LiveCounts(final InstrumentCheck[] checks)
        {
            this.checks = checks;
            this.everLive = new boolean[checks.length];
        }

        @Override
        public void onBookLive(final int instrumentId)
        {
            if (everLive[instrumentId])
            {
                checks[instrumentId].resyncs++;
            }
            everLive[instrumentId] = true;
            checks[instrumentId].everValid = true;
        }

        @Override
        public void onBookInvalid(final int instrumentId, final byte reason)
        {
        }
    }
}
