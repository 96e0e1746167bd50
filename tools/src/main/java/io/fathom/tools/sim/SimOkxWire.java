package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.checksum.ChecksumBook;
import io.fathom.codec.checksum.OkxChecksum;
import io.fathom.codec.okx.OkxBooksEncoder;
import io.fathom.codec.okx.OkxProtocol;
import org.agrona.MutableDirectBuffer;

import java.util.List;
import java.util.Map;

/**
 * OKX v5 public {@code books}, as https://www.okx.com/docs-v5/en/#order-book-trading-market-data-ws-order-book-channel
 * documents it. A client sends {@code {"op":"subscribe","args":[{"channel":"books","instId":"SYM0-USDT"}]}}
 * and gets, per argument, {@code {"event":"subscribe","arg":{"channel":"books","instId":"SYM0-USDT"},
 * "connId":".."}}, then {@code "action":"snapshot"} (400 levels a side at most, {@code prevSeqId} -1), then
 * {@code "action":"update"} pushes. An unknown channel or instrument gets
 * {@code {"event":"error","code":"60018",..}}. The text {@code ping} is answered {@code pong}.
 *
 * <p>{@code seqId} is the instrument's own sequence (the book's update id), the same on every connection;
 * each update's {@code prevSeqId} is the previous update's {@code seqId}, or the snapshot's, so an update
 * is sent even when nothing in view changed. Every message carries the signed CRC32 {@code checksum} of the
 * top 25 levels; prices and sizes are strings without trailing zeros. A level pushed below 400 is sent as a
 * removal, so a client's book is exactly the top 400.
 */
final class SimOkxWire extends SimSnapshotWire
{
    static final String UNKNOWN_INSTRUMENT_CODE = "60018";
    private static final String INVALID_REQUEST_CODE = "60012";

    private final OkxBooksEncoder encoder = new OkxBooksEncoder();

    SimOkxWire(
        final SimSymbols symbols,
        final SimBook[] books,
        final SimSubscriptions subscriptions,
        final SimFrameSender sender,
        final SimFaults faults)
    {
        super(Venue.OKX, symbols, books, subscriptions, sender, faults,
            OkxBooksEncoder.maxEncodedLength(DepthMessage.MAX_SYMBOL_LENGTH, levelCapacity(books[0].sideCapacity())));
    }

    SimControl parse(final String text)
    {
        if (OkxProtocol.PING.equals(text))
        {
            return this::pong;
        }
        final Map<?, ?> request = SimJson.object(text);
        final String op = request == null ? null : SimJson.string(request, "op");
        final List<?> args = request == null ? null : SimJson.list(request, "args");
        if (args == null || (!"subscribe".equals(op) && !"unsubscribe".equals(op)))
        {
            return (session) -> sender.reply(session, "{\"event\":\"error\",\"code\":\"" + INVALID_REQUEST_CODE +
                "\",\"msg\":" + SimJson.quote("Invalid request: " + text) + ",\"connId\":\"" + connId(session) + "\"}");
        }
        final boolean subscribe = "subscribe".equals(op);
        return (session) ->
        {
            for (final Object arg : args)
            {
                final Map<?, ?> fields = arg instanceof Map ? (Map<?, ?>)arg : Map.of();
                final String channel = SimJson.string(fields, "channel");
                final String instId = SimJson.string(fields, "instId");
                final int symbolIndex = instId == null ? -1 : symbols.indexOf(instId);
                if (!OkxProtocol.BOOKS_CHANNEL.equals(channel) || symbolIndex < 0)
                {
                    sender.reply(session, "{\"event\":\"error\",\"code\":\"" + UNKNOWN_INSTRUMENT_CODE + "\",\"msg\":" +
                        SimJson.quote("Wrong URL or channel:" + channel + ",instId:" + instId + " doesn't exist. " +
                        "Please use the correct URL, channel and parameters referring to API document.") +
                        ",\"connId\":\"" + connId(session) + "\"}");
                    continue;
                }
                final String ack = "{\"event\":\"" + op + "\",\"arg\":{\"channel\":\"books\",\"instId\":" +
                    SimJson.quote(instId) + "},\"connId\":\"" + connId(session) + "\"}";
                if (subscribe)
                {
                    subscribe(session, symbolIndex, OkxProtocol.BOOKS_DEPTH, -1);
                    sender.reply(session, ack);
                    sendSnapshot(session, symbolIndex);
                }
                else
                {
                    unsubscribe(session, symbolIndex);
                    sender.reply(session, ack);
                }
            }
        };
    }

    int depth(final SimSession session, final int symbolIndex)
    {
        return OkxProtocol.BOOKS_DEPTH;
    }

    boolean reportsPushedOut()
    {
        return true;
    }

    boolean sendsEmptyUpdates()
    {
        return true;
    }

    int checksumLevels()
    {
        return OkxChecksum.LEVELS;
    }

    long checksum(final ChecksumBook book)
    {
        return OkxChecksum.compute(book);
    }

    void stampUpdate(final DepthMessage update, final DepthMessage diff)
    {
        update.firstUpdateId(diff.lastUpdateId()).lastUpdateId(diff.lastUpdateId())
            .previousUpdateId(diff.firstUpdateId() - 1);
    }

    void stampSnapshot(final DepthMessage snapshot, final SimBook book)
    {
        snapshot.firstUpdateId(book.lastUpdateId()).lastUpdateId(book.lastUpdateId())
            .previousUpdateId(DepthMessage.NO_ID);
    }

    int encode(
        final SimSession session, final int symbolIndex, final DepthMessage message, final MutableDirectBuffer buffer)
    {
        return encoder.encode(buffer, 0, message);
    }

    private void pong(final SimSession session)
    {
        if (!faults.withholdPong())
        {
            sender.reply(session, "pong");
        }
    }

    /** OKX names each connection with 8 hex digits. */
    private static String connId(final SimSession session)
    {
        return String.format("%08x", System.identityHashCode(session));
    }
}
