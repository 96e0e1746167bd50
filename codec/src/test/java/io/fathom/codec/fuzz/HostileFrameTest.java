package io.fathom.codec.fuzz;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.fuzz.DecodeOracle.Outcome;
import io.fathom.codec.fuzz.FuzzTarget.Template;
import io.fathom.codec.json.JsonScanner;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each class of hostile input has its own result, in every decoder: a cut frame is an error wherever it is
 * cut; deep nesting is {@link DecodeResult#NESTING_TOO_DEEP}; exponents, NaN, infinities, signs and
 * numbers with more digits than any decimal holds are {@link DecodeResult#INVALID_NUMBER}; well-formed decimals the
 * scale cannot hold are {@link DecodeResult#UNREPRESENTABLE_VALUE}; more levels than the message holds
 * is {@link DecodeResult#TOO_MANY_LEVELS}; malformed UTF-8 is {@link DecodeResult#INVALID_UTF8}; a frame
 * over the size limit is {@link DecodeResult#FRAME_TOO_LARGE}; a well-formed value of the wrong type is
 * {@link DecodeResult#UNEXPECTED_TYPE}; other message types are {@link DecodeResult#IGNORED}.
 */
class HostileFrameTest
{
    private static final String DEEP = "[".repeat(10_000);

    /** Decimal texts no venue may send as a price or quantity. */
    private static final List<String> BAD_DECIMALS = List.of(
        "1e5", "1E5", "1.5e2", "NaN", "Infinity", "-Infinity", "-1.5", "-0", "-0.0", "+1", " 101.5", "0x1F", "",
        "0." + "1".repeat(40), "101.5" + "0".repeat(40));

    /** Well-formed decimals that the decoders' scale of 8 cannot hold: too large, or too precise. */
    private static final List<String> UNREPRESENTABLE = List.of("123456789012345678901234567890", "101.123456789");

    /** Kraken v2's bare JSON numbers that are valid JSON but no valid price or quantity. */
    private static final List<String> BAD_NUMBERS = List.of(
        "1e5", "1E5", "1.5e2", "-1.5", "-0", "0." + "1".repeat(40), "101.5" + "0".repeat(40));

    /** Bare texts that look like numbers but are not JSON at all. */
    private static final List<String> NOT_JSON_NUMBERS = List.of("NaN", "Infinity", "-Infinity", "+1", ".5", "0x1F");

    /** Byte sequences RFC 3629 forbids: overlong, surrogate, above U+10FFFF, stray and cut sequences. */
    private static final List<byte[]> BAD_UTF8 = List.of(
        new byte[]{ (byte)0xC0, (byte)0xAF },
        new byte[]{ (byte)0xE0, (byte)0x80, (byte)0xAF },
        new byte[]{ (byte)0xED, (byte)0xA0, (byte)0x80 },
        new byte[]{ (byte)0xF4, (byte)0x90, (byte)0x80, (byte)0x80 },
        new byte[]{ (byte)0xF5, (byte)0x80, (byte)0x80, (byte)0x80 },
        new byte[]{ (byte)0x80 },
        new byte[]{ (byte)0xBF },
        new byte[]{ (byte)0xFF },
        new byte[]{ (byte)0xC3, 0x28 },
        new byte[]{ (byte)0xE2, (byte)0x82 });

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void templateDecodesToItsLevels(final FuzzTarget target)
    {
        final Template template = target.template();
        final DepthMessage message = new DepthMessage(template.levels());

        assertThat(decode(target, template.frame().getBytes(UTF_8), message)).isEqualTo(DecodeResult.DEPTH);
        assertThat(message.levelCount()).isEqualTo(template.levels());
        assertThat(message.symbolAsString()).isEqualTo(null == template.symbol() ? "" : template.symbol());
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void aFrameCutAnywhereIsAnError(final FuzzTarget target)
    {
        final FuzzTarget.Decoding decoding = target.newDecoding();
        for (final byte[] frame : depthFrames(target))
        {
            for (final int cut : JsonValues.cutOffsets(frame, 4096, 3))
            {
                final byte[] prefix = Arrays.copyOf(frame, cut);
                final Outcome outcome = DecodeOracle.check(target, decoding, prefix);
                assertThat(outcome.result().isError()).as("%s cut at %d of %d: %s", outcome.result(), cut, frame.length,
                    Mutation.printable(prefix)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void deepNestingIsNestingTooDeepWhereverItIs(final FuzzTarget target)
    {
        final Template template = target.template();
        final String frame = template.frame();
        final int firstBrace = frame.indexOf('{');
        for (final String hostile : List.of(
            DEEP,
            DEEP + "]".repeat(10_000),
            "{\"a\":".repeat(10_000),
            frame.replace(template.priceToken(), DEEP + "]".repeat(10_000)),
            frame.substring(0, firstBrace + 1) + "\"zz\":" + DEEP + "," + frame.substring(firstBrace + 1),
            frame.substring(0, firstBrace + 1) + "\"zz\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "," +
                frame.substring(firstBrace + 1)))
        {
            assertThat(decode(target, hostile.getBytes(UTF_8))).as(Mutation.printable(hostile.getBytes(UTF_8)))
                .isEqualTo(DecodeResult.NESTING_TOO_DEEP);
        }
    }

    static Stream<Arguments> badNumbers()
    {
        final List<Arguments> cases = new ArrayList<>();
        for (final FuzzTarget target : FuzzTarget.values())
        {
            final Template template = target.template();
            for (final boolean quantity : new boolean[]{ false, true })
            {
                if (template.bareNumbers())
                {
                    BAD_NUMBERS.forEach(text -> cases.add(Arguments.of(target, quantity, text, DecodeResult.INVALID_NUMBER)));
                    UNREPRESENTABLE.forEach(text -> cases.add(
                        Arguments.of(target, quantity, text, DecodeResult.UNREPRESENTABLE_VALUE)));
                    NOT_JSON_NUMBERS.forEach(text -> cases.add(Arguments.of(target, quantity, text, DecodeResult.MALFORMED_JSON)));
                }
                else
                {
                    BAD_DECIMALS.forEach(text -> cases.add(
                        Arguments.of(target, quantity, '"' + text + '"', DecodeResult.INVALID_NUMBER)));
                    UNREPRESENTABLE.forEach(text -> cases.add(
                        Arguments.of(target, quantity, '"' + text + '"', DecodeResult.UNREPRESENTABLE_VALUE)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} quantity={1} {2}")
    @MethodSource("badNumbers")
    void badNumbersAreRefusedWhereTheyAre(
        final FuzzTarget target, final boolean quantity, final String text, final DecodeResult expected)
    {
        final Template template = target.template();
        final String token = quantity ? template.quantityToken() : template.priceToken();
        final String frame = template.frame().replace(token, text);
        final int at = template.frame().indexOf(token);

        assertThat(decode(target, frame.getBytes(UTF_8))).as(frame).isEqualTo(expected);
        if (DecodeResult.INVALID_NUMBER == expected || DecodeResult.UNREPRESENTABLE_VALUE == expected)
        {
            assertThat(lastErrorOffset).as(frame).isEqualTo(at + (template.bareNumbers() ? 0 : 1));
        }
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void moreLevelsThanTheMessageHoldsIsTooManyLevels(final FuzzTarget target)
    {
        final Template template = target.template();
        final byte[] frame = template.frame().getBytes(UTF_8);

        assertThat(decode(target, frame, new DepthMessage(template.levels() - 1))).isEqualTo(DecodeResult.TOO_MANY_LEVELS);
        assertThat(lastErrorOffset).isBetween(0, frame.length - 1);
        assertThat(decode(target, frame, new DepthMessage(template.levels()))).isEqualTo(DecodeResult.DEPTH);
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void malformedUtf8IsInvalidUtf8InTheSymbolOrAnyString(final FuzzTarget target)
    {
        final Template template = target.template();
        final byte[] frame = template.frame().getBytes(UTF_8);
        final int firstBrace = template.frame().indexOf('{');
        for (final byte[] bad : BAD_UTF8)
        {
            if (null != template.symbol())
            {
                final int at = template.frame().indexOf('"' + template.symbol() + '"') + 2;
                final byte[] hostile = Mutation.splice(frame, at, 0, bad);
                assertThat(decode(target, hostile)).as(Mutation.printable(hostile)).isEqualTo(DecodeResult.INVALID_UTF8);
                assertThat(lastErrorOffset).isEqualTo(at);
            }
            final byte[] field = Mutation.splice(frame, firstBrace + 1, 0,
                concat("\"zz\":\"a".getBytes(UTF_8), bad, "\",".getBytes(UTF_8)));
            assertThat(decode(target, field)).as(Mutation.printable(field)).isEqualTo(DecodeResult.INVALID_UTF8);
            assertThat(lastErrorOffset).isEqualTo(firstBrace + 8);
        }
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void aSymbolOutsideAsciiIsAnInvalidSymbol(final FuzzTarget target)
    {
        final Template template = target.template();
        if (null == template.symbol())
        {
            return;
        }
        for (final String symbol : List.of("BTC\u00e9", "\u20acUSD", "BTC\uD83D\uDE00"))
        {
            final String frame = template.frame().replace('"' + template.symbol() + '"', '"' + symbol + '"');
            assertThat(decode(target, frame.getBytes(UTF_8))).as(frame).isEqualTo(DecodeResult.INVALID_SYMBOL);
        }
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void aFrameOverTheSizeLimitIsFrameTooLargeAndOneAtTheLimitDecodes(final FuzzTarget target)
    {
        final byte[] template = target.template().frame().getBytes(UTF_8);
        final byte[] atLimit = Arrays.copyOf(template, JsonScanner.MAX_FRAME_LENGTH);
        Arrays.fill(atLimit, template.length, atLimit.length, (byte)' ');
        final byte[] overLimit = Arrays.copyOf(atLimit, JsonScanner.MAX_FRAME_LENGTH + 1);
        overLimit[JsonScanner.MAX_FRAME_LENGTH] = ' ';

        assertThat(decode(target, atLimit)).isEqualTo(DecodeResult.DEPTH);
        assertThat(decode(target, overLimit)).isEqualTo(DecodeResult.FRAME_TOO_LARGE);
        assertThat(lastErrorOffset).isEqualTo(JsonScanner.MAX_FRAME_LENGTH);
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void otherMessageTypesAreIgnored(final FuzzTarget target)
    {
        for (final String other : target.otherMessages())
        {
            assertThat(decode(target, other.getBytes(UTF_8))).as(other).isEqualTo(DecodeResult.IGNORED);
        }
        final String renamed = renamedType(target);
        if (null != renamed)
        {
            assertThat(decode(target, renamed.getBytes(UTF_8))).as(renamed).isEqualTo(DecodeResult.IGNORED);
        }
    }

    @ParameterizedTest
    @EnumSource(FuzzTarget.class)
    void wellFormedValuesOfTheWrongTypeAreUnexpectedType(final FuzzTarget target)
    {
        final Template template = target.template();
        final String price = template.bareNumbers() ? '"' + template.price() + '"' : template.price();
        for (final String value : List.of(price, "{}", "[]", "[\"1\"]", "null", "true", "false", "{\"a\":[1,2]}"))
        {
            final String frame = template.frame().replace(template.priceToken(), value);
            assertThat(decode(target, frame.getBytes(UTF_8))).as(frame).isEqualTo(DecodeResult.UNEXPECTED_TYPE);
            if (null != template.symbol() && !value.equals(price))
            {
                final String symbol = template.frame().replace('"' + template.symbol() + '"', value);
                assertThat(decode(target, symbol.getBytes(UTF_8))).as(symbol).isEqualTo(DecodeResult.UNEXPECTED_TYPE);
            }
        }
    }

    private int lastErrorOffset;

    private DecodeResult decode(final FuzzTarget target, final byte[] frame)
    {
        return decode(target, frame, new DepthMessage(FuzzCorpus.LEVEL_CAPACITY));
    }

    /** Decodes with a new decoder, checking what every decode must satisfy, and keeps the error offset. */
    private DecodeResult decode(final FuzzTarget target, final byte[] frame, final DepthMessage message)
    {
        final FuzzTarget.Decoding decoding = target.newDecoding();
        final DecodeResult result = decoding.decode(new UnsafeBuffer(frame), 0, frame.length, message);
        lastErrorOffset = decoding.errorOffset();
        DecodeOracle.check(target, decoding, frame);
        return result;
    }

    /** The template with its message type or channel renamed to one the decoder does not know. */
    private static String renamedType(final FuzzTarget target)
    {
        final String frame = target.template().frame();
        switch (target)
        {
            case BINANCE_STREAM:
                return frame.replace("\"depthUpdate\"", "\"depthUpdateV2\"");
            case KRAKEN:
                return frame.replace("\"channel\":\"book\"", "\"channel\":\"level3\"");
            case KRAKEN_V1:
                return frame.replace("\"book-10\"", "\"spread\"");
            case OKX:
            case BITGET:
                return frame.replace("\"channel\":\"books\"", "\"channel\":\"trades\"");
            case COINBASE:
                return frame.replace("\"l2_data\"", "\"market_trades\"");
            case HYPERLIQUID:
                return frame.replace("\"l2Book\"", "\"bbo\"");
            default:
                return null;
        }
    }

    /** The template and the shortest, median and longest depth frames of the target's corpus. */
    private static List<byte[]> depthFrames(final FuzzTarget target)
    {
        final FuzzTarget.Decoding decoding = target.newDecoding();
        final DepthMessage message = new DepthMessage(FuzzCorpus.LEVEL_CAPACITY);
        final List<byte[]> depth = new ArrayList<>();
        for (final byte[] frame : FuzzCorpus.frames(target))
        {
            if (DecodeResult.DEPTH == decoding.decode(new UnsafeBuffer(frame), 0, frame.length, message))
            {
                depth.add(frame);
            }
        }
        depth.sort(Comparator.comparingInt(frame -> frame.length));
        return List.of(target.template().frame().getBytes(UTF_8), depth.get(0), depth.get(depth.size() / 2),
            depth.get(depth.size() - 1));
    }

    private static byte[] concat(final byte[]... parts)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
