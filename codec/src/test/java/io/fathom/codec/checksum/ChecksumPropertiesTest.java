package io.fathom.codec.checksum;

import io.fathom.codec.DepthMessage;
import io.fathom.codec.Messages;
import io.fathom.codec.Messages.Level;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming, allocation-free checksums equal the venues' algorithms written the obvious way: build the
 * documented string from the decimal text, then {@link CRC32} it.
 */
class ChecksumPropertiesTest
{
    @Property(tries = 2000)
    void krakenChecksumIsTheCrcOfTheDocumentedString(@ForAll("levels") final List<Level> levels)
    {
        final ReferenceBook book = book(levels);
        final StringBuilder text = new StringBuilder();
        for (final byte side : new byte[]{ DepthMessage.ASK, DepthMessage.BID })
        {
            final List<ReferenceBook.Level> sideLevels = book.levels(side);
            for (int i = 0; i < Math.min(10, sideLevels.size()); i++)
            {
                text.append(stripped(decimal(sideLevels.get(i).price(), sideLevels.get(i).priceDecimals())));
                text.append(stripped(decimal(sideLevels.get(i).quantity(), sideLevels.get(i).quantityDecimals())));
            }
        }

        assertThat(KrakenChecksum.compute(book)).isEqualTo(crc(text.toString()));
    }

    @Property(tries = 2000)
    void okxChecksumIsTheSignedCrcOfTheDocumentedString(@ForAll("levels") final List<Level> levels)
    {
        final ReferenceBook book = book(levels);
        final List<String> parts = new ArrayList<>();
        final List<ReferenceBook.Level> bids = book.levels(DepthMessage.BID);
        final List<ReferenceBook.Level> asks = book.levels(DepthMessage.ASK);
        for (int i = 0; i < 25; i++)
        {
            for (final List<ReferenceBook.Level> side : List.of(bids, asks))
            {
                if (i < side.size())
                {
                    parts.add(decimal(side.get(i).price(), side.get(i).priceDecimals()));
                    parts.add(decimal(side.get(i).quantity(), side.get(i).quantityDecimals()));
                }
            }
        }

        assertThat(OkxChecksum.compute(book)).isEqualTo((long)(int)crc(String.join(":", parts)));
    }

    @Test
    void matchesTheDocumentedDigitRules()
    {
        final DepthMessage message = new DepthMessage(4).scales(8, 8);
        message.addLevel(DepthMessage.ASK, 5_000_000L, 304L, 5, 8);
        message.addLevel(DepthMessage.BID, 4_528_520_000_000L, 100_000L, 1, 8);
        final ReferenceBook book = new ReferenceBook().apply(message);

        assertThat(KrakenChecksum.compute(book)).isEqualTo(crc("5000304" + "452852100000"));
        assertThat(OkxChecksum.compute(book)).isEqualTo((long)(int)crc("45285.2:0.00100000:0.05000:0.00000304"));
        assertThat(KrakenChecksum.compute(new ReferenceBook())).isEqualTo(crc(""));
    }

    @Provide
    Arbitrary<List<Level>> levels()
    {
        return Messages.levels().filter(level -> level.quantity() != 0).list().ofMaxSize(70);
    }

    private static ReferenceBook book(final List<Level> levels)
    {
        return new ReferenceBook().apply(Messages.message(DepthMessage.KIND_SNAPSHOT, "X", 0, levels));
    }

    private static String decimal(final long mantissa, final int decimals)
    {
        return BigDecimal.valueOf(mantissa, Messages.SCALE).setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String stripped(final String text)
    {
        return text.replace(".", "").replaceFirst("^0+", "");
    }

    private static long crc(final String text)
    {
        final CRC32 crc = new CRC32();
        crc.update(text.getBytes(US_ASCII));
        return crc.getValue();
    }
}
