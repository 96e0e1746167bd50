package io.fathom.tools.sim;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.bitget.BitgetBooksEncoder;
import io.fathom.codec.bitget.BitgetProtocol;
import io.fathom.codec.checksum.ChecksumBook;
import io.fathom.codec.checksum.OkxChecksum;
import org.agrona.MutableDirectBuffer;

import java.util.List;
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
final class SimBitgetWire extends SimSnapshotWire
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
            DepthMessage.MAX_SYMBOL_LENGTH, levelCapacity(books[0].sideCapacity())));
    }

    SimControl parse(final String text)
    {
        if (BitgetProtocol.PING.equals(text))
        {
            return this::pong;
        }
        final Map<?, ?> request = SimJson.object(text);
        final String op = request == null ? null : SimJson.string(request, "op");
        final List<?> args = request == null ? null : SimJson.list(request, "args");
        if (args == null || (!"subscribe".equals(op) && !"unsubscribe".equals(op)))
        {
            return (session) -> sender.reply(session, "{\"event\":\"error\",\"code\":" + INVALID_REQUEST_CODE +
                ",\"msg\":" + SimJson.quote("param error: " + text) + "}");
        }
        final boolean subscribe = "subscribe".equals(op);
        return (session) ->
        {
            for (final Object arg : args)
            {
                final Map<?, ?> fields = arg instanceof Map ? (Map<?, ?>)arg : Map.of();
                final String instType = SimJson.string(fields, "instType");
                final String channel = SimJson.string(fields, "channel");
                final String instId = SimJson.string(fields, "instId");
                final int symbolIndex = instId == null ? -1 : symbols.indexOf(instId);
                final boolean spot = BitgetProtocol.SPOT_INST_TYPE.equalsIgnoreCase(instType);
                if (!spot || !BitgetProtocol.BOOKS_CHANNEL.equals(channel) || symbolIndex < 0)
                {
                    sender.reply(session, "{\"event\":\"error\",\"arg\":" + arg(instType, channel, instId) +
                        ",\"code\":" + UNKNOWN_INSTRUMENT_CODE + ",\"msg\":" + SimJson.quote(
                        "instType:" + instType + ",channel:" + channel + ",instId:" + instId + " doesn't exist") + "}");
                    continue;
                }
                final String ack = "{\"event\":\"" + op + "\",\"arg\":" +
                    arg(BitgetProtocol.SPOT_PUSH_INST_TYPE, channel, instId) + "}";
                if (subscribe)
                {
                    subscribe(session, symbolIndex, SimBookView.FULL_DEPTH, -1);
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
        return SimBookView.FULL_DEPTH;
    }

    int checksumLevels()
    {
        return OkxChecksum.LEVELS;
    }

    long checksum(final ChecksumBook book)
    {
        return OkxChecksum.compute(book);
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
