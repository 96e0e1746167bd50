package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.okx.OkxBooksEncoder;
import io.fathom.codec.okx.OkxProtocol;
import org.agrona.MutableDirectBuffer;

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
final class SimOkxWire extends SimBooksChannelWire
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
            OkxBooksEncoder.maxEncodedLength(DepthMessage.MAX_SYMBOL_LENGTH, levelCapacity(books[0].sideCapacity())),
            OkxProtocol.BOOKS_DEPTH);
    }

    String invalidRequest(final SimSession session, final String text)
    {
        return "{\"event\":\"error\",\"code\":\"" + INVALID_REQUEST_CODE + "\",\"msg\":" +
            SimJson.quote("Invalid request: " + text) + ",\"connId\":\"" + connId(session) + "\"}";
    }

    boolean isBooks(final Map<?, ?> arg, final String channel)
    {
        return OkxProtocol.BOOKS_CHANNEL.equals(channel);
    }

    String unknownArgument(final SimSession session, final Map<?, ?> arg, final String channel, final String instId)
    {
        return "{\"event\":\"error\",\"code\":\"" + UNKNOWN_INSTRUMENT_CODE + "\",\"msg\":" +
            SimJson.quote("Wrong URL or channel:" + channel + ",instId:" + instId + " doesn't exist. " +
            "Please use the correct URL, channel and parameters referring to API document.") +
            ",\"connId\":\"" + connId(session) + "\"}";
    }

    String acknowledgement(final SimSession session, final String op, final String channel, final String instId)
    {
        return "{\"event\":\"" + op + "\",\"arg\":{\"channel\":\"books\",\"instId\":" +
            SimJson.quote(instId) + "},\"connId\":\"" + connId(session) + "\"}";
    }

    boolean reportsPushedOut()
    {
        return true;
    }

    boolean sendsEmptyUpdates()
    {
        return true;
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

    /** OKX names each connection with 8 hex digits. */
    private static String connId(final SimSession session)
    {
        return String.format("%08x", System.identityHashCode(session));
    }
}
