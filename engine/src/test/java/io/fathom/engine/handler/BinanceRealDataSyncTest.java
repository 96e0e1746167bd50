package io.fathom.engine.handler;

import io.fathom.engine.sync.BookSync;
import io.fathom.codec.Venue;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.ring.InlineRing;
import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.binance.BinanceDepthDecoder;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.recording.RealDataLocator;
import io.fathom.codec.recording.RecordType;
import io.fathom.codec.recording.RecordingReader;
import io.fathom.engine.book.BookListener;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.feed.InstrumentTable;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real Binance spot recording (nobody here wrote it) through the decoder and the book
 * handler: every event must apply with no gap, and the rebuilt top of book must equal every
 * {@code bookTicker} the exchange sent at the same update id.
 */
class BinanceRealDataSyncTest
{
    private static final Pattern BOOK_TICKER = Pattern.compile(
        "\"data\":\\{\"u\":(\\d+),\"s\":\"([A-Z0-9]+)\",\"b\":\"([0-9.]+)\",\"B\":\"([0-9.]+)\",\"a\":\"([0-9.]+)\",\"A\":\"([0-9.]+)\"");

    @TempDir
    Path runDir;

    private record Top(long bid, long bidQty, long ask, long askQty)
    {
    }

    @Test
    void appliesEveryEventWithoutGapAndMatchesEveryBookTicker() throws Exception
    {
        final Path ws = RealDataLocator.file("binance_spot_depth100ms_4sym.ws.txt");
        final Path http = RealDataLocator.file("binance_spot_depth_snapshots.http.txt");

        final Map<String, byte[]> snapshotBodies = new HashMap<>();
        try (RecordingReader reader = RecordingReader.open(http))
        {
            while (reader.next())
            {
                final Matcher m = Pattern.compile("symbol=([A-Z0-9]+)").matcher(reader.url());
                assertThat(m.find()).isTrue();
                snapshotBodies.put(m.group(1), reader.payloadAsString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        assertThat(snapshotBodies).hasSize(4);

        final InstrumentTable instruments = new InstrumentTable(List.copyOf(new java.util.TreeSet<>(snapshotBodies.keySet())));
        final List<Map<Long, Top>> appliedTops = newMaps(instruments.size());
        final List<Map<Long, Top>> tickers = newMaps(instruments.size());
        final ArrayDeque<Integer> requested = new ArrayDeque<>();
        final BookListener listener = (book, topChanged, pressure) -> appliedTops.get(book.instrumentId()).put(book.updateId(), top(book));

        try (EngineCounters counters = new EngineCounters(runDir.toFile()))
        {
            final BookHandler handler = new BookHandler(
                HandlerSettings.of(instruments.size(), 5000).withPendingMaxLevels(1 << 16), BookSync.forVenue(Venue.BINANCE, 0),
                BookCollaborators.of(counters).withRequester(requested::add).withListener(listener));
            final InlineRing driver = new InlineRing(32, counters.get(SystemCounter.EVENTS_PUBLISHED), List.of(handler));
            final BinanceDepthDecoder decoder = new BinanceDepthDecoder(8, 8);
            final DepthMessage message = new DepthMessage(10_000);
            int depthFrames = 0;

            try (RecordingReader reader = RecordingReader.open(ws))
            {
                while (reader.next())
                {
                    if (reader.type() != RecordType.RECEIVED)
                    {
                        continue;
                    }
                    final String text = reader.payloadAsString();
                    final Matcher ticker = BOOK_TICKER.matcher(text);
                    if (text.contains("@bookTicker") && ticker.find())
                    {
                        final int id = instruments.lookup(ticker.group(2));
                        tickers.get(id).put(Long.parseLong(ticker.group(1)), new Top(
                            FixedPoint.parse(ticker.group(3), 8), FixedPoint.parse(ticker.group(4), 8),
                            FixedPoint.parse(ticker.group(5), 8), FixedPoint.parse(ticker.group(6), 8)));
                        continue;
                    }
                    final DecodeResult result = decoder.decodeStreamFrame(
                        reader.payload(), reader.payloadOffset(), reader.payloadLength(), message);
                    assertThat(result.isError()).as("decode of line %d", reader.lineNumber()).isFalse();
                    if (result != DecodeResult.DEPTH)
                    {
                        continue;
                    }
                    depthFrames++;
                    final int id = instruments.lookup(message.symbolBytes(), 0, message.symbolLength());
                    driver.publish(id, message, 0L);
                    while (!requested.isEmpty())
                    {
                        final int wanted = requested.poll();
                        final byte[] body = snapshotBodies.get(instruments.symbol(wanted));
                        final DepthMessage snapshot = new DepthMessage(10_000);
                        assertThat(decoder.decodeSnapshot(new UnsafeBuffer(body), 0, body.length, snapshot))
                            .isEqualTo(DecodeResult.DEPTH);
                        driver.publish(wanted, snapshot, 0L);
                    }
                }
            }

            assertThat(depthFrames).isEqualTo(177);
            assertThat(counters.value(SystemCounter.GAPS)).isZero();
            assertThat(counters.value(SystemCounter.CROSSED_BOOKS)).isZero();
            assertThat(counters.value(SystemCounter.STALE_SNAPSHOTS)).isZero();
            assertThat(counters.value(SystemCounter.SNAPSHOT_REQUESTS)).isEqualTo(4);
            for (int id = 0; id < instruments.size(); id++)
            {
                assertThat(handler.state(id)).as(instruments.symbol(id)).isEqualTo(SyncState.LIVE);
            }
            assertThat(counters.value(SystemCounter.EVENTS_APPLIED) + counters.value(SystemCounter.EVENTS_DISCARDED))
                .isEqualTo(counters.value(SystemCounter.EVENTS_CONSUMED));

            int compared = 0;
            for (int id = 0; id < instruments.size(); id++)
            {
                for (final Map.Entry<Long, Top> entry : tickers.get(id).entrySet())
                {
                    final Top rebuilt = appliedTops.get(id).get(entry.getKey());
                    if (rebuilt != null)
                    {
                        assertThat(rebuilt).as("%s at update id %d", instruments.symbol(id), entry.getKey())
                            .isEqualTo(entry.getValue());
                        compared++;
                    }
                }
            }
            assertThat(compared).as("bookTicker frames at an update id the book reached").isEqualTo(26);
        }
    }

    private static List<Map<Long, Top>> newMaps(final int n)
    {
        final List<Map<Long, Top>> maps = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
        {
            maps.add(new HashMap<>());
        }
        return maps;
    }

    private static Top top(final OrderBook book)
    {
        return new Top(book.bids().price(0), book.bids().quantity(0), book.asks().price(0), book.asks().quantity(0));
    }
}
