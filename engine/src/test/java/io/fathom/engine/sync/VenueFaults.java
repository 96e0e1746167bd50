package io.fathom.engine.sync;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.engine.sync.VenueFeed.Sent;

import java.util.ArrayList;
import java.util.List;

/**
 * Faults a correct engine must catch in a venue's feed: a quantity altered under a checksum, and a message
 * lost from a sequenced stream. Only faults the venue's own checks can see are offered: the altered level
 * stays within the levels the checksum covers, and the lost message is one the stream's ids reveal.
 */
final class VenueFaults
{
    private VenueFaults()
    {
    }

    /**
     * @return {message, level} pairs: a level of a checksummed message whose quantity no later level of the
     * message overwrites and whose price the venue's checksum covers after the message.
     */
    static List<int[]> corruptible(final VenueFeed feed)
    {
        final List<int[]> candidates = new ArrayList<>();
        final List<Sent> sent = feed.sent();
        for (int m = 0; m < sent.size(); m++)
        {
            final Sent candidate = sent.get(m);
            final DepthMessage message = candidate.message();
            if (!candidate.checksummed())
            {
                continue;
            }
            for (int level = 0; level < message.levelCount(); level++)
            {
                if (0 != message.quantity(level) && !setAgainLater(message, level) &&
                    candidate.expected().isWithin(message.side(level), message.price(level), feed.checksumLevels()))
                {
                    candidates.add(new int[]{ m, level });
                }
            }
        }
        return candidates;
    }

    /** The message with one level's quantity moved by one lot, its checksum left as the venue computed it. */
    static Sent corrupt(final VenueFeed feed, final Sent sent, final int target)
    {
        final DepthMessage original = sent.message();
        final BookScript.Instrument instrument = feed.instrument();
        final DepthMessage copy = new DepthMessage(original.levelCount())
            .kind(original.kind())
            .eventTimeMs(original.eventTimeMs())
            .firstUpdateId(original.firstUpdateId())
            .lastUpdateId(original.lastUpdateId())
            .previousUpdateId(original.previousUpdateId())
            .scales(original.priceScale(), original.quantityScale())
            .checksum(original.checksum());
        copy.symbol(original.symbolBytes(), 0, original.symbolLength());
        for (int i = 0; i < original.levelCount(); i++)
        {
            long quantity = original.quantity(i);
            int decimals = original.quantityDecimals(i);
            if (i == target)
            {
                final long lot = instrument.lot();
                quantity = quantity > lot ? quantity - lot : quantity + lot;
                final int minimal = BookScript.minimalDecimals(quantity, instrument.quantityScale());
                decimals = feed.venue() == Venue.KRAKEN ? minimal : Math.max(decimals, minimal);
            }
            copy.addLevel(original.side(i), original.price(i), quantity, original.priceDecimals(i), decimals);
        }
        return new Sent(copy, sent.rest(), sent.expected(), sent.updateId(), sent.applied(), sent.checksummed());
    }

    /**
     * @return indexes of messages whose loss the stream's ids reveal: a Binance diff, not the first (losing
     * that one is subscribing later), that the snapshot does not already cover and that a later diff follows;
     * an OKX update that moved {@code seqId} and that a later message follows.
     */
    static List<Integer> droppable(final VenueFeed feed)
    {
        final List<Sent> sent = feed.sent();
        final List<Integer> candidates = new ArrayList<>();
        int lastDiff = -1;
        for (int i = 0; i < sent.size(); i++)
        {
            lastDiff = sent.get(i).rest() ? lastDiff : i;
        }
        for (int i = 1; i < lastDiff; i++)
        {
            final DepthMessage message = sent.get(i).message();
            if (sent.get(i).rest())
            {
                continue;
            }
            if (feed.venue() == Venue.OKX)
            {
                if (message.lastUpdateId() != message.previousUpdateId())
                {
                    candidates.add(i);
                }
            }
            else if (feed.venue().restSnapshot())
            {
                final boolean covered = feed.venue() == Venue.BINANCE ?
                    message.lastUpdateId() <= feed.snapshotId() : message.lastUpdateId() < feed.snapshotId();
                if (!covered)
                {
                    candidates.add(i);
                }
            }
        }
        return candidates;
    }

    private static boolean setAgainLater(final DepthMessage message, final int level)
    {
        for (int i = level + 1; i < message.levelCount(); i++)
        {
            if (message.side(i) == message.side(level) && message.price(i) == message.price(level))
            {
                return true;
            }
        }
        return false;
    }
}
