package io.fathom.bench.load;

import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.Framedata;

/**
 * RFC 6455 framing that hands an unfragmented text frame's payload over as bytes, as the engine's feed
 * connections receive them, so the transport baseline pays for no {@code String} the engine does not.
 */
final class RawTextFrames extends Draft_6455
{
    private boolean inFragmentedMessage;

    @Override
    public void processFrame(final WebSocketImpl webSocketImpl, final Framedata frame) throws InvalidDataException
    {
        final Opcode opcode = frame.getOpcode();
        if (opcode == Opcode.TEXT && frame.isFin() && !inFragmentedMessage)
        {
            webSocketImpl.getWebSocketListener().onWebsocketMessage(webSocketImpl, frame.getPayloadData());
            return;
        }
        if ((opcode == Opcode.TEXT || opcode == Opcode.BINARY) && !frame.isFin())
        {
            inFragmentedMessage = true;
        }
        else if (opcode == Opcode.CONTINUOUS && frame.isFin())
        {
            inFragmentedMessage = false;
        }
        super.processFrame(webSocketImpl, frame);
    }

    @Override
    public Draft copyInstance()
    {
        return new RawTextFrames();
    }
}
