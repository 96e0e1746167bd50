package io.fathom.engine.feed;

import io.fathom.codec.json.JsonScanner;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.Framedata;

import java.util.Collections;

/**
 * RFC 6455 framing that hands a complete text frame's payload to the listener as bytes.
 *
 * <p>The stock draft turns every text frame into a {@code String}, which the decoder would only
 * turn back into bytes; venue frames are ASCII JSON, so the bytes are decoded directly instead.
 * Fragmented frames still take the library's path and arrive as a {@code String}.
 *
 * <p>A frame (or fragmented message) longer than {@link JsonScanner#MAX_FRAME_LENGTH}, which no decoder
 * would read, is refused before its payload is buffered: the library closes the connection with 1009
 * (message too big), so a hostile peer cannot make the feed thread allocate without bound.
 *
 * <p>The load harness's transport-alone client uses it too, so that baseline pays for no {@code String}
 * the engine does not.
 */
public final class RawTextDraft extends Draft_6455
{
    private boolean inFragmentedMessage;

    public RawTextDraft()
    {
        super(Collections.emptyList(), JsonScanner.MAX_FRAME_LENGTH);
    }

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
        return new RawTextDraft();
    }
}
