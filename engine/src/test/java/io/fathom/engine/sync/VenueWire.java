package io.fathom.engine.sync;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.binance.BinanceDepthEncoder;
import io.fathom.codec.bitget.BitgetBooksEncoder;
import io.fathom.codec.bitget.BitgetProtocol;
import io.fathom.codec.coinbase.CoinbaseLevel2Encoder;
import io.fathom.codec.hyperliquid.HyperliquidL2BookEncoder;
import io.fathom.codec.kraken.KrakenBookEncoder;
import io.fathom.codec.kraken.KrakenV1BookEncoder;
import io.fathom.codec.okx.OkxBooksEncoder;
import io.fathom.engine.sync.VenueFeed.Sent;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.US_ASCII;

/** Encodes a venue's messages with the venue's own encoder into the frames it would send. */
final class VenueWire
{
    /**
     * One WebSocket frame (or a REST snapshot body) holding {@code messages} consecutive messages, with the
     * connection-wide sequence it carries (Coinbase) or {@link DepthMessage#NO_ID}.
     */
    record Frame(byte[] bytes, boolean rest, int messages, long connectionSequence)
    {
    }

    private static final UnsafeBuffer STREAM_NAME = new UnsafeBuffer("btcusd@depth@100ms".getBytes(US_ASCII));

    private VenueWire()
    {
    }

    static List<Frame> frames(final VenueFeed feed, final List<Sent> messages)
    {
        final List<Frame> frames = new ArrayList<>();
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
        final VenueFeed.Knobs knobs = feed.knobs();
        if (feed.venue() == Venue.COINBASE)
        {
            final CoinbaseLevel2Encoder encoder = new CoinbaseLevel2Encoder();
            final int perFrame = 1 + knobs.eventsPerFrame() % 3;
            for (int first = 0; first < messages.size(); first += perFrame)
            {
                final int count = Math.min(perFrame, messages.size() - first);
                final DepthMessage[] events = new DepthMessage[count];
                for (int i = 0; i < count; i++)
                {
                    events[i] = messages.get(first + i).message();
                }
                final long sequence = knobs.firstId() + frames.size();
                final int length = encoder.encode(buffer, 0, sequence, events[0].eventTimeMs(), events, count);
                frames.add(new Frame(bytes(buffer, length), false, count, sequence));
            }
            return frames;
        }
        for (final Sent sent : messages)
        {
            final int length = encode(feed, sent, buffer);
            frames.add(new Frame(bytes(buffer, length), sent.rest(), 1, DepthMessage.NO_ID));
        }
        return frames;
    }

    private static int encode(final VenueFeed feed, final Sent sent, final ExpandableArrayBuffer buffer)
    {
        final DepthMessage message = sent.message();
        final BookScript.Instrument instrument = feed.instrument();
        switch (feed.venue())
        {
            case BINANCE:
            case BINANCE_USDM:
            case BINANCE_COINM:
                final BinanceDepthEncoder binance = new BinanceDepthEncoder(
                    instrument.priceScale(), instrument.quantityScale());
                if (sent.rest())
                {
                    return binance.encodeSnapshot(buffer, 0, message);
                }
                return feed.knobs().combinedStream() ?
                    binance.encodeCombinedDepthUpdate(buffer, 0, STREAM_NAME, 0, STREAM_NAME.capacity(), message) :
                    binance.encodeDepthUpdate(buffer, 0, message);
            case KRAKEN:
                return new KrakenBookEncoder().encode(buffer, 0, message);
            case KRAKEN_V1:
                return new KrakenV1BookEncoder().encode(
                    buffer, 0, feed.knobs().firstId() % 100_000, feed.depth(), message);
            case OKX:
                return new OkxBooksEncoder().encode(buffer, 0, message);
            case BITGET:
                return new BitgetBooksEncoder(BitgetProtocol.SPOT_PUSH_INST_TYPE).encode(buffer, 0, message);
            case HYPERLIQUID:
                return new HyperliquidL2BookEncoder().encode(buffer, 0, message);
            default:
                throw new IllegalArgumentException("no encoder for " + feed.venue());
        }
    }

    private static byte[] bytes(final ExpandableArrayBuffer buffer, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
