package io.fathom.codec.fuzz;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.fuzz.FuzzTarget.Template;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No decoder lets a level with a price of zero or below through: a zero price is
 * {@link DecodeResult#INVALID_PRICE} reported at the level, a negative one {@link DecodeResult#INVALID_NUMBER}.
 * A zero quantity stays legal (it deletes the level) and a negative one is refused.
 */
class NonPositivePriceTest
{
    private static final List<String> ZERO_PRICES = List.of("0", "0.0", "0.00000000");

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void aZeroPriceIsAnInvalidPrice(final FuzzTarget target)
    {
        final Template template = target.template();
        for (final String zero : ZERO_PRICES)
        {
            final String frame = withPrice(template, zero);
            final FuzzTarget.Decoding decoding = target.newDecoding();
            final DepthMessage message = new DepthMessage(FuzzCorpus.LEVEL_CAPACITY);
            final byte[] bytes = frame.getBytes(UTF_8);

            final DecodeResult result = decoding.decode(new UnsafeBuffer(bytes), 0, bytes.length, message);

            assertThat(result).as("%s with price %s", target, zero).isEqualTo(DecodeResult.INVALID_PRICE);
            final int priceAt = frame.indexOf(template.bareNumbers() ? zero : '"' + zero + '"');
            assertThat(decoding.errorOffset()).as("error offset in %s", frame).isBetween(0, priceAt);
            DecodeOracle.check(target, target.newDecoding(), bytes);
        }
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void aNegativePriceOrQuantityIsAnInvalidNumber(final FuzzTarget target)
    {
        final Template template = target.template();
        final String negativePrice = withPrice(template, "-" + template.price());
        final String negativeQuantity = template.frame().replace(
            template.quantityToken(), token(template, "-" + template.quantity()));

        assertThat(decode(target, negativePrice)).as(negativePrice).isEqualTo(DecodeResult.INVALID_NUMBER);
        assertThat(decode(target, negativeQuantity)).as(negativeQuantity).isEqualTo(DecodeResult.INVALID_NUMBER);
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void aZeroQuantityStaysLegal(final FuzzTarget target)
    {
        final Template template = target.template();
        final String frame = template.frame().replace(template.quantityToken(), token(template, "0"));

        assertThat(decode(target, frame)).as(frame).isEqualTo(DecodeResult.DEPTH);
    }

    private static DecodeResult decode(final FuzzTarget target, final String frame)
    {
        final byte[] bytes = frame.getBytes(UTF_8);
        final DecodeResult result = target.newDecoding()
            .decode(new UnsafeBuffer(bytes), 0, bytes.length, new DepthMessage(FuzzCorpus.LEVEL_CAPACITY));
        DecodeOracle.check(target, target.newDecoding(), bytes);
        return result;
    }

    private static String withPrice(final Template template, final String price)
    {
        return template.frame().replace(template.priceToken(), token(template, price));
    }

    private static String token(final Template template, final String text)
    {
        return template.bareNumbers() ? text : '"' + text + '"';
    }
}
