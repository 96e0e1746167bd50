package io.fathom.engine.handler;

import io.fathom.codec.DepthMessage;

import static io.fathom.codec.DepthMessage.ASK;
import static io.fathom.codec.DepthMessage.BID;

/** Depth messages for the handler tests: a one-level delta and a whole snapshot. */
final class DepthMessages
{
    private DepthMessages()
    {
    }

    static DepthMessage delta(final long first, final long last, final byte side, final long price, final long quantity)
    {
        final DepthMessage message = new DepthMessage(8).kind(DepthMessage.KIND_DELTA).firstUpdateId(first).lastUpdateId(last);
        message.addLevel(side, price, quantity);
        return message;
    }

    static DepthMessage snapshot(final long lastUpdateId, final long[][] bids, final long[][] asks)
    {
        final DepthMessage message = new DepthMessage(64)
            .kind(DepthMessage.KIND_SNAPSHOT).firstUpdateId(lastUpdateId).lastUpdateId(lastUpdateId);
        for (final long[] level : bids)
        {
            message.addLevel(BID, level[0], level[1]);
        }
        for (final long[] level : asks)
        {
            message.addLevel(ASK, level[0], level[1]);
        }
        return message;
    }
}
