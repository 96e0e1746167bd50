package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.bitget.BitgetBooksEncoder;
import io.fathom.codec.bitget.BitgetProtocol;
import org.agrona.MutableDirectBuffer;

import java.util.Locale;
import java.util.Map;

/**
 * Bitget spot v1 {@code books}, as https://bitgetlimited.github.io/apidoc/en/spot/#depth-channel documents
 * it. A client sends {@code {"op":"subscribe","args":[{"instType":"SP","channel":"books","instId":"SYM0USDT"}]}}
 * and gets, per argument, {@code {"event":"subscribe","arg":{"instType":"sp","channel":"books",
 * "instId":"SYM0USDT"}}}, then {@code "action":"snapshot"} (the whole book), then {@code "action":"update"}
 * pushes. Another instType or channel, or an unknown instrument, gets
 * {@code {"event":"error","code":30001,..}}. The text {@code ping} is answered {@code pong}.
 *
 * <p>Bitget has no sequence: the OKX-style signed CRC32 {@code checksum} of the top 25 levels, on every
 * message, is a client's only check. Prices and sizes are strings of 4 decimals.
 */
final class SimBitgetWire extends SimBooksChannelWire
{
    static final int UNKNOWN_INSTRUMENT_CODE = 30001;
    private static final int INVALID_REQUEST_CODE = 30004;

    private final BitgetBooksEncoder encoder = new BitgetBooksEncoder(BitgetProtocol.SPOT_PUSH_INST_TYPE);

    SimBitgetWire(
        final SimSymbols symbols,
        final SimBook[] books,
        final SimSubscriptions subscriptions,
        final SimFrameSender sender,
        final SimFaults faults)
    {
        super(Venue.BITGET, symbols, books, subscriptions, sender, faults, BitgetBooksEncoder.maxEncodedLength(
            DepthMessage.MAX_SYMBOL_LENGTH, levelCapacity(books[0].sideCapacity())), SimBookView.FULL_DEPTH);
    }

    String invalidRequest(final SimSession session, final String text)
    {
        return "{\"event\":\"error\",\"code\":" + INVALID_REQUEST_CODE + ",\"msg\":" +
            SimJson.quote("param error: " + text) + "}";
    }

    boolean isBooks(final Map<?, ?> arg, final String channel)
    {
        return BitgetProtocol.SPOT_INST_TYPE.equalsIgnoreCase(SimJson.string(arg, "instType")) &&
            BitgetProtocol.BOOKS_CHANNEL.equals(channel);
    }

    String unknownArgument(final SimSession session, final Map<?, ?> arg, final String channel, final String instId)
    {
        final String instType = SimJson.string(arg, "instType");
        return "{\"event\":\"error\",\"arg\":" + arg(instType, channel, instId) + ",\"code\":" +
            UNKNOWN_INSTRUMENT_CODE + ",\"msg\":" +
            SimJson.quote("instType:" + instType + ",channel:" + channel + ",instId:" + instId + " doesn't exist") + "}";
    }

    String acknowledgement(final SimSession session, final String op, final String channel, final String instId)
    {
        return "{\"event\":\"" + op + "\",\"arg\":" + arg(BitgetProtocol.SPOT_PUSH_INST_TYPE, channel, instId) + "}";
    }

    int encode(
        final SimSession session, final int symbolIndex, final DepthMessage message, final MutableDirectBuffer buffer)
    {
        return encoder.encode(buffer, 0, message);
    }

    private static String arg(final String instType, final String channel, final String instId)
    {
        return "{\"instType\":" + quoteOrNull(instType == null ? null : instType.toLowerCase(Locale.ROOT)) +
            ",\"channel\":" + quoteOrNull(channel) + ",\"instId\":" + quoteOrNull(instId) + "}";
    }

    private static String quoteOrNull(final String text)
    {
        return text == null ? "null" : SimJson.quote(text);
    }
}
