package io.fathom.engine.feed;

import io.fathom.codec.json.JsonScanner;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawTextDraftTest
{
    @Test
    void refusesATextFrameLongerThanADecoderReadsBeforeBufferingIt() throws Exception
    {
        final Draft_6455 draft = (Draft_6455)new RawTextDraft().copyInstance();

        assertThatThrownBy(() -> draft.translateFrame(header(JsonScanner.MAX_FRAME_LENGTH + 1)))
            .isInstanceOf(LimitExceededException.class);

        final ByteBuffer atLimit = ByteBuffer.allocate(10 + JsonScanner.MAX_FRAME_LENGTH);
        atLimit.put(header(JsonScanner.MAX_FRAME_LENGTH));
        while (atLimit.hasRemaining())
        {
            atLimit.put((byte)' ');
        }
        atLimit.flip();
        final List<Framedata> frames = draft.translateFrame(atLimit);
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).getPayloadData().remaining()).isEqualTo(JsonScanner.MAX_FRAME_LENGTH);
    }

    /** A final, unmasked text frame's header announcing {@code length} payload bytes, as a server sends it. */
    private static ByteBuffer header(final long length)
    {
        final ByteBuffer header = ByteBuffer.allocate(10);
        header.put((byte)0x81).put((byte)127).putLong(length);
        return header.flip();
    }
}
