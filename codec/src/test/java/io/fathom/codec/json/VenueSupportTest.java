package io.fathom.codec.json;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.decimal.FixedPoint;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pieces the venue codecs share: received decimals on {@link DepthMessage}, formatting at a number of
 * decimals, signed and raw numbers in {@link JsonScanner}, {@link JsonFieldIndex} and {@link Rfc3339}.
 */
class VenueSupportTest
{
    private final JsonScanner scanner = new JsonScanner();

    @Test
    void levelsKeepTheirReceivedDecimalsOrDefaultToTheScale()
    {
        final DepthMessage message = new DepthMessage(2).scales(8, 6);
        message.addLevel(DepthMessage.BID, 1, 2);
        message.addLevel(DepthMessage.ASK, 3, 4, 9, 0);

        assertThat(message.priceDecimals(0)).isEqualTo(8);
        assertThat(message.quantityDecimals(0)).isEqualTo(6);
        assertThat(message.priceDecimals(1)).isEqualTo(9);
        assertThat(message.quantityDecimals(1)).isZero();
        assertThatThrownBy(() -> message.addLevel(DepthMessage.ASK, 1, 1, DepthMessage.MAX_DECIMALS + 1, 0))
            .isInstanceOf(IllegalArgumentException.class);

        message.checksum(-5).sequence(9);
        assertThat(message.hasChecksum()).isTrue();
        message.reset();
        assertThat(message.hasChecksum()).isFalse();
        assertThat(message.checksum()).isZero();
        assertThat(message.sequence()).isEqualTo(DepthMessage.NO_ID);
    }

    @Property(tries = 2000)
    void formatsAtAnyNumberOfDecimalsExactly(
        @ForAll @LongRange(min = 0, max = 999_999_999_999L) final long value,
        @ForAll @IntRange(min = 0, max = 12) final int decimals)
    {
        final long mantissa = value - value % pow10(Math.max(0, 8 - decimals));
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();

        final int length = FixedPoint.format(mantissa, 8, decimals, buffer, 0);

        final String text = buffer.getStringWithoutLengthAscii(0, length);
        assertThat(new BigDecimal(text)).isEqualByComparingTo(BigDecimal.valueOf(mantissa, 8));
        assertThat(FixedPoint.fractionDigits(buffer, 0, length)).isEqualTo(decimals);
        assertThat(FixedPoint.parse(text, 8)).isEqualTo(mantissa);
    }

    @Test
    void refusesToDropSignificantDigits()
    {
        assertThatThrownBy(() -> FixedPoint.format(123, 8, 7, new ExpandableArrayBuffer(), 0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedPoint.checkScales(0, 19)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({ "0,0", "-1,-1", "42,42", "-2147483648,-2147483648", "9223372036854775807,9223372036854775807",
        "-9223372036854775807,-9223372036854775807" })
    void readsSignedIntegers(final String text, final long expected)
    {
        wrap(text);
        assertThat(scanner.readLong()).isEqualTo(expected);
        assertThat(scanner.isAtEnd()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "-", "--1", "-a", "1.5", "-01", "9223372036854775808", "-9223372036854775808", "\"1\"" })
    void rejectsOtherSignedIntegers(final String text)
    {
        wrap(text);
        assertThat(scanner.readLong()).isEqualTo(JsonScanner.INVALID_LONG);
        assertThat(scanner.error()).isIn(DecodeResult.INVALID_NUMBER, DecodeResult.UNEXPECTED_TYPE);
    }

    @Test
    void exposesRawNumbersAndIndexesFields()
    {
        wrap("-12.50e3,");
        assertThat(scanner.readNumber()).isTrue();
        assertThat(scanner.buffer().getStringWithoutLengthAscii(scanner.tokenOffset(), scanner.tokenLength()))
            .isEqualTo("-12.50e3");
        wrap("1.");
        assertThat(scanner.readNumber()).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.MALFORMED_JSON);

        final JsonFieldIndex index = new JsonFieldIndex("a", "b");
        wrap(" {\"b\" : [1,{}], \"x\":null, \"a\":\"s\"}");
        assertThat(index.scan(scanner)).isTrue();
        assertThat(index.has(0)).isTrue();
        assertThat(index.seek(scanner, 1)).isTrue();
        assertThat(scanner.peek()).isEqualTo('[');
        wrap("{\"a\":1,\"a\":2}");
        assertThat(index.scan(scanner)).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.DUPLICATE_FIELD);
        wrap("{\"a\":1,\"b\":2");
        assertThat(index.scan(scanner)).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.MALFORMED_JSON);
        wrap("[1]");
        assertThat(index.scan(scanner)).isFalse();
        assertThat(scanner.error()).isEqualTo(DecodeResult.UNEXPECTED_TYPE);
    }

    @Property(tries = 2000)
    void parsesWhatItFormatsAsJavaTimeDoes(@ForAll @LongRange(min = 0, max = 253_402_300_799_999L) final long epochMs)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        final int length = Rfc3339.format(epochMs, buffer, 0);
        final String text = buffer.getStringWithoutLengthAscii(0, length);

        assertThat(text).isEqualTo(Instant.ofEpochMilli(epochMs).toString().replaceFirst("Z$", "")
            .replaceFirst("(T\\d\\d:\\d\\d)$", "$1:00").replaceFirst("(:\\d\\d)$", "$1.000")
            .replaceFirst("(\\.\\d{3})$", "$1") + "Z");
        assertThat(Rfc3339.toEpochMs(buffer, 0, length)).isEqualTo(epochMs);
    }

    @ParameterizedTest
    @CsvSource({ "2023-02-09T20:32:50.714964855Z,1675974770714", "1970-01-01T00:00:00Z,0",
        "2023-10-06T19:35:55.4+02:00,1696613755400", "2024-02-29T00:00:00z,1709164800000" })
    void parsesTimestampsVenuesSend(final String text, final long expected)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(text.getBytes(US_ASCII));
        assertThat(Rfc3339.toEpochMs(buffer, 0, text.length())).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2023-02-30T00:00:00Z", "2023-13-01T00:00:00Z", "2023-02-09 20:32:50Z",
        "2023-02-09T20:32:50", "2023-02-09T20:32:50.Z", "1969-12-31T23:59:59Z", "2023-02-09T24:00:00Z",
        "2023-02-09T20:32:50+0100", "2023-02-09T2x:32:50Z" })
    void rejectsInvalidTimestamps(final String text)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(text.getBytes(US_ASCII));
        assertThat(Rfc3339.toEpochMs(buffer, 0, text.length())).isEqualTo(Rfc3339.INVALID);
    }

    private void wrap(final String text)
    {
        final byte[] bytes = text.getBytes(US_ASCII);
        scanner.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private static long pow10(final int exponent)
    {
        long value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }
        return value;
    }
}
