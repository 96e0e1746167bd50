package io.fathom.tools.sim;

import io.fathom.codec.Venue;
import io.fathom.codec.checksum.ChecksumBook;
import io.fathom.codec.checksum.OkxChecksum;
import io.fathom.codec.okx.OkxProtocol;

import java.util.List;
import java.util.Map;

/**
 * What OKX v5 and Bitget v1 {@code books} share (Bitget copied OKX's protocol): a request
 * {@code {"op":"subscribe"|"unsubscribe","args":[{..,"channel":"books","instId":..}]}} is answered per
 * argument with an error or an acknowledgement, and a subscribe then with a snapshot at the channel's one
 * depth; every message carries OKX's signed CRC32 checksum of the top 25 levels; the text {@code ping} is
 * answered {@code pong}. Subclasses write the venue's replies and frames.
 */
abstract class SimBooksChannelWire extends SimSnapshotWire
{
    private final int depth;

    SimBooksChannelWire(
        final Venue venue,
        final SimSymbols symbols,
        final SimBook[] books,
        final SimSubscriptions subscriptions,
        final SimFrameSender sender,
        final SimFaults faults,
        final int maxFrameLength,
        final int depth)
    {
        super(venue, symbols, books, subscriptions, sender, faults, maxFrameLength);
        this.depth = depth;
    }

    /** The reply to a request that is not JSON, or has no {@code args}, or another {@code op}. */
    abstract String invalidRequest(SimSession session, String text);

    /** Whether {@code arg} names the venue's books channel, beyond {@code channel} (such as its instType). */
    abstract boolean isBooks(Map<?, ?> arg, String channel);

    /** The reply to an argument for another channel or an unknown instrument. */
    abstract String unknownArgument(SimSession session, Map<?, ?> arg, String channel, String instId);

    /** The acknowledgement of {@code op} ({@code subscribe} or {@code unsubscribe}) for one argument. */
    abstract String acknowledgement(SimSession session, String op, String channel, String instId);

    final SimControl parse(final String text)
    {
        if (OkxProtocol.PING.equals(text)) // Bitget's ping is the same text.
        {
            return this::pong;
        }
        final Map<?, ?> request = SimJson.object(text);
        final String op = request == null ? null : SimJson.string(request, "op");
        final List<?> args = request == null ? null : SimJson.list(request, "args");
        if (args == null || (!"subscribe".equals(op) && !"unsubscribe".equals(op)))
        {
            return (session) -> sender.reply(session, invalidRequest(session, text));
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
                if (!isBooks(fields, channel) || symbolIndex < 0)
                {
                    sender.reply(session, unknownArgument(session, fields, channel, instId));
                    continue;
                }
                final String ack = acknowledgement(session, op, channel, instId);
                if (subscribe)
                {
                    subscribe(session, symbolIndex, depth, -1);
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

    final int depth(final SimSession session, final int symbolIndex)
    {
        return depth;
    }

    final int checksumLevels()
    {
        return OkxChecksum.LEVELS;
    }

    final long checksum(final ChecksumBook book)
    {
        return OkxChecksum.compute(book);
    }

    private void pong(final SimSession session)
    {
        if (!faults.withholdPong())
        {
            sender.reply(session, "pong");
        }
    }
}
