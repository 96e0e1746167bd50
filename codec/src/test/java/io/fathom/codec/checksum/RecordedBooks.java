package io.fathom.codec.checksum;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.RealData.Frame;
import org.agrona.concurrent.UnsafeBuffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test helpers over recorded OKX-shaped {@code books} frames ({@code [["px","sz",...],...]} levels):
 * an independent regex reading of the levels, and the alteration used by the negative controls.
 */
public final class RecordedBooks
{
    private static final Pattern LEVEL = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\"[^\\]]*]");

    private RecordedBooks()
    {
    }

    /** Asserts the decoded levels are exactly the level texts of the frame, in order, digit for digit. */
    public static void assertLevelsAsText(final String text, final DepthMessage message, final String where)
    {
        final Matcher level = LEVEL.matcher(text);
        int i = 0;
        while (level.find())
        {
            assertThat(i).as(where).isLessThan(message.levelCount());
            assertThat(text(message.price(i), message.priceScale(), message.priceDecimals(i)))
                .as(where + " price " + i).isEqualTo(level.group(1));
            assertThat(text(message.quantity(i), message.quantityScale(), message.quantityDecimals(i)))
                .as(where + " size " + i).isEqualTo(level.group(2));
            i++;
        }
        assertThat(message.levelCount()).as(where).isEqualTo(i);
    }

    /** The decimal text of a mantissa written with the given number of fractional digits. */
    public static String text(final long mantissa, final int scale, final int decimals)
    {
        return BigDecimal.valueOf(mantissa, scale).setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * The first depth update from the given index on whose first level is non-zero and lands within the
     * top {@code levels} of its side, so a change to its quantity must change the checksum.
     */
    public static Frame firstUpdateTouchingTop(
        final List<Frame> frames, final int fromIndex, final ChecksumReplay replay, final int levels)
    {
        for (int i = 0; i < frames.size(); i++)
        {
            replay.run(frames.subList(i, i + 1));
            final DepthMessage message = replay.lastMessage();
            if (i >= fromIndex && message.levelCount() > 0 && message.kind() == DepthMessage.KIND_DELTA &&
                message.quantity(0) != 0 && message.hasChecksum())
            {
                final int rank = replay.book(message.symbolAsString()).prices(message.side(0)).indexOf(message.price(0));
                if (rank >= 0 && rank < levels)
                {
                    return frames.get(i);
                }
            }
        }
        throw new AssertionError("no update touches the top levels");
    }

    /** The frame with the last digit of its first level's quantity changed to another digit. */
    public static byte[] alterFirstQuantity(final String text)
    {
        final Matcher level = LEVEL.matcher(text);
        assertThat(level.find()).isTrue();
        final int end = level.end(2) - 1;
        final char last = text.charAt(end);
        final char replacement = last == '9' ? '8' : (char)(last + 1);
        return (text.substring(0, end) + replacement + text.substring(end + 1)).getBytes(UTF_8);
    }

    public static UnsafeBuffer buffer(final Frame frame)
    {
        return new UnsafeBuffer(frame.payload());
    }

    public static boolean isDepth(final DecodeResult result)
    {
        return DecodeResult.DEPTH == result;
    }
}
