package io.fathom.engine.feed;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MessageAssemblerTest
{
    /** ASCII, two-byte, three-byte and four-byte (surrogate pair) characters. */
    private static final String MIXED = "{\"s\":\"BTC-USDT\",\"note\":\"Grüße € 𝄞\"}";

    @Test
    void encodesTextAsUtf8()
    {
        final MessageAssembler assembler = new MessageAssembler(8, 1 << 20);

        assertThat(assembler.appendText(MIXED)).isTrue();

        assertThat(bytes(assembler.message())).isEqualTo(MIXED.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void joinsPartsSplitAnywhereIncludingInsideASurrogatePair()
    {
        final byte[] expected = MIXED.getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= MIXED.length(); split++)
        {
            final MessageAssembler assembler = new MessageAssembler(8, 1 << 20);

            assertThat(assembler.appendText(CharBuffer.wrap(MIXED, 0, split))).isTrue();
            assertThat(assembler.appendText(MIXED.substring(split))).isTrue();

            assertThat(bytes(assembler.message())).as("split at %d", split).isEqualTo(expected);
        }
    }

    @Test
    void replacesALoneSurrogate()
    {
        final MessageAssembler assembler = new MessageAssembler(8, 100);

        assembler.appendText("a\uD834b\uDD1E");
        assembler.appendText("\uD834");

        assertThat(new String(bytes(assembler.message()), StandardCharsets.UTF_8)).isEqualTo("a\uFFFDb\uFFFD\uFFFD");
    }

    @Test
    void acceptsAMessageAtTheLimitAndRefusesOneByteMore()
    {
        final MessageAssembler assembler = new MessageAssembler(16, 1000);

        assertThat(assembler.appendText("x".repeat(600))).isTrue();
        assertThat(assembler.appendText("x".repeat(400))).isTrue();
        assertThat(assembler.message().remaining()).isEqualTo(1000);

        assembler.reset();
        assertThat(assembler.appendText("x".repeat(600))).isTrue();
        assertThat(assembler.appendText("x".repeat(401))).isFalse();

        assembler.reset();
        assertThat(assembler.appendText("é".repeat(500))).as("1000 bytes in 500 characters").isTrue();
        assertThat(assembler.appendText("é")).isFalse();
    }

    @Test
    void gathersBinaryPartsWithoutMovingThem()
    {
        final MessageAssembler assembler = new MessageAssembler(4, 10);
        final ByteBuffer first = ByteBuffer.wrap(new byte[]{1, 2, 3, 4, 5, 6});
        final ByteBuffer second = ByteBuffer.wrap(new byte[]{7, 8, 9, 10});

        assertThat(assembler.appendBinary(first)).isTrue();
        assertThat(assembler.appendBinary(second)).isTrue();

        assertThat(first.position()).isZero();
        assertThat(bytes(assembler.message())).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(assembler.appendBinary(ByteBuffer.wrap(new byte[]{11}))).isFalse();
    }

    @Test
    void reusesItsArrayOnceGrown()
    {
        final MessageAssembler assembler = new MessageAssembler(8, 1 << 20);
        assembler.appendText("y".repeat(5000));
        final byte[] grown = assembler.message().array();

        assembler.reset();
        assembler.appendText(MIXED);

        assertThat(assembler.message().array()).isSameAs(grown);
        assertThat(bytes(assembler.message())).isEqualTo(MIXED.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(final ByteBuffer buffer)
    {
        final byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
