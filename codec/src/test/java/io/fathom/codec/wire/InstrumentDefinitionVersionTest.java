package io.fathom.codec.wire;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.fathom.codec.wire.WireHeader.BYTE_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

class InstrumentDefinitionVersionTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    @Test
    void readsAVersionOneDefinitionAsNamingNoVenue()
    {
        // version 1, as its publishers wrote it: block length 4, then the symbol
        buffer.putShort(0, WireHeader.SCHEMA_ID, BYTE_ORDER);
        buffer.putShort(2, (short)1, BYTE_ORDER);
        buffer.putShort(4, WireTemplate.INSTRUMENT, BYTE_ORDER);
        buffer.putShort(6, (short)4, BYTE_ORDER);
        buffer.putInt(8, 5, BYTE_ORDER);
        buffer.putByte(24, (byte)2);
        buffer.putByte(25, (byte)6);
        buffer.putShort(26, (short)7, BYTE_ORDER);
        buffer.putBytes(28, "BTCUSDT".getBytes(StandardCharsets.US_ASCII));
        buffer.putShort(30 + 5, (short)0x4141, BYTE_ORDER); // bytes past the message, not a venue length

        assertThat(WireHeader.isKnownVersion(buffer, 0)).isTrue();
        final InstrumentDefinition definition = new InstrumentDefinition().wrap(buffer, 0, 35);
        assertThat(definition).isNotNull();
        assertThat(definition.symbol()).isEqualTo("BTCUSDT");
        assertThat(definition.venue()).isEmpty();
        assertThat(definition.priceScale()).isEqualTo(2);
        assertThat(definition.quantityScale()).isEqualTo(6);
    }

    @Test
    void writesVersionTwoWithTheVenueAfterTheSymbol()
    {
        final int length = InstrumentDefinition.encode(buffer, 0, new InstrumentDefinition.Names("btcusdt", "Binance-USDM"), 9, 1, 7L, 2, 3);

        assertThat(WireHeader.version(buffer, 0)).isEqualTo(2);
        assertThat(WireHeader.blockLength(buffer, 0)).isEqualTo(6);
        assertThat(buffer.getShort(28, BYTE_ORDER)).as("venue length").isEqualTo((short)12);
        assertThat(buffer.getStringWithoutLengthAscii(30, 7)).isEqualTo("BTCUSDT");
        assertThat(buffer.getStringWithoutLengthAscii(37, 12)).isEqualTo("binance-usdm");
        assertThat(length).isEqualTo(49);
    }

    @Test
    void aVersionThisReaderDoesNotKnowIsTold()
    {
        InstrumentDefinition.encode(buffer, 0, new InstrumentDefinition.Names("BTCUSDT", "okx"), 9, 1, 7L, 2, 3);
        buffer.putShort(2, (short)(WireHeader.VERSION + 1), BYTE_ORDER);
        assertThat(WireHeader.isKnownVersion(buffer, 0)).isFalse();
        buffer.putShort(2, (short)0, BYTE_ORDER);
        assertThat(WireHeader.isKnownVersion(buffer, 0)).isFalse();
    }
}
