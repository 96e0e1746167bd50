package io.fathom.codec.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * One change to a frame's bytes, of the kinds a broken or hostile peer produces: a cut, a flipped bit, a
 * byte set to a JSON delimiter or a non-ASCII byte, bytes deleted or repeated, a hostile token inserted,
 * or one JSON value (string, number, literal or container) replaced by a hostile one, the most frequent
 * kind since it keeps the rest of the frame well-formed and so reaches past the syntax checks. Positions
 * are taken modulo the frame's length, so any mutation applies to any frame.
 *
 * @param position where in the frame (or which value), modulo its length.
 * @param size     how many bytes a deletion or repetition covers.
 * @param choice   which bit, byte or hostile token, modulo the choices.
 */
record Mutation(Kind kind, int position, int size, int choice)
{
    enum Kind
    {
        TRUNCATE, FLIP_BIT, SET_BYTE, DELETE, DUPLICATE, INSERT, REPLACE_VALUE
    }

    private static final byte[] BYTES = {
        '"', '{', '}', '[', ']', ',', ':', '\\', '-', '+', '.', 'e', 'E', '0', '9', ' ', 'n', 't',
        0x00, 0x1F, 0x7F, (byte)0x80, (byte)0xBF, (byte)0xC0, (byte)0xC3, (byte)0xED, (byte)0xF4, (byte)0xFF };

    /** Hostile tokens: bad numbers, wrong types, stray syntax, deep nesting, bad UTF-8, other message types. */
    static final List<byte[]> TOKENS = tokens();

    static Arbitrary<Mutation> mutations()
    {
        return Combinators.combine(
            Arbitraries.frequency(
                Tuple.of(6, Kind.REPLACE_VALUE),
                Tuple.of(1, Kind.TRUNCATE),
                Tuple.of(1, Kind.FLIP_BIT),
                Tuple.of(1, Kind.SET_BYTE),
                Tuple.of(1, Kind.DELETE),
                Tuple.of(1, Kind.DUPLICATE),
                Tuple.of(1, Kind.INSERT)),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.integers().between(1, 64),
            Arbitraries.integers().between(0, Integer.MAX_VALUE))
            .as(Mutation::new);
    }

    static Arbitrary<List<Mutation>> sequences()
    {
        return mutations().list().ofMinSize(1).ofMaxSize(3);
    }

    static byte[] applyAll(final byte[] frame, final List<Mutation> mutations)
    {
        byte[] result = frame;
        for (final Mutation mutation : mutations)
        {
            result = mutation.apply(result);
        }
        return result;
    }

    byte[] apply(final byte[] frame)
    {
        final int length = frame.length;
        if (0 == length)
        {
            return Kind.INSERT == kind ? TOKENS.get(choice % TOKENS.size()).clone() : frame;
        }
        final int at = position % length;
        switch (kind)
        {
            case TRUNCATE:
                return Arrays.copyOf(frame, at);
            case FLIP_BIT:
            {
                final byte[] copy = frame.clone();
                copy[at] ^= (byte)(1 << (choice & 7));
                return copy;
            }
            case SET_BYTE:
            {
                final byte[] copy = frame.clone();
                copy[at] = BYTES[choice % BYTES.length];
                return copy;
            }
            case DELETE:
                return splice(frame, at, Math.min(size, length - at), new byte[0]);
            case DUPLICATE:
            {
                final int end = Math.min(length, at + size);
                return splice(frame, end, 0, Arrays.copyOfRange(frame, at, end));
            }
            case INSERT:
                return splice(frame, position % (length + 1), 0, TOKENS.get(choice % TOKENS.size()));
            case REPLACE_VALUE:
            {
                final List<int[]> values = JsonValues.spans(frame);
                if (values.isEmpty())
                {
                    return frame;
                }
                final int[] value = values.get(position % values.size());
                return splice(frame, value[0], value[1] - value[0], TOKENS.get(choice % TOKENS.size()));
            }
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    static byte[] splice(final byte[] frame, final int at, final int removed, final byte[] inserted)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length - removed + inserted.length);
        out.write(frame, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(frame, at + removed, frame.length - at - removed);
        return out.toByteArray();
    }

    @Override
    public String toString()
    {
        return kind + "(position=" + position + ", size=" + size + ", choice=" + choice +
            (Kind.INSERT == kind || Kind.REPLACE_VALUE == kind ? ", token=" + printable(TOKENS.get(choice % TOKENS.size())) :
            Kind.SET_BYTE == kind ? ", byte=" + printable(new byte[]{ BYTES[choice % BYTES.length] }) : "") + ")";
    }

    /** The bytes as text, non-printable ones as {@code \xNN}, cut to 200 characters. */
    static String printable(final byte[] bytes)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length && text.length() < 200; i++)
        {
            final int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F)
            {
                text.append((char)b);
            }
            else
            {
                text.append(String.format("\\x%02X", b));
            }
        }
        return bytes.length > 200 ? text + "...(" + bytes.length + " bytes)" : text.toString();
    }

    private static List<byte[]> tokens()
    {
        final List<byte[]> tokens = new ArrayList<>();
        for (final String text : List.of(
            "1e5", "1E+5", "2.5e-3", "-1", "-0", "-0.5", "NaN", "Infinity", "-Infinity", "0x10", "01", ".5", "1.",
            "99999999999999999999999999999", "0.000000000000000000000000000000000000001",
            "\"1e5\"", "\"1E5\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"-1\"", "\"-0.0\"", "\" 1\"", "\"+1\"",
            "\"99999999999999999999999999999\"", "\"0.000000000000000000000000000000000000001\"",
            "\"1.000000000000000000000000000000000000000\"", "\"\"",
            "null", "true", "false", "0", "{}", "[]", "[[]]", "{\"a\":1}", "\"x\"", "[\"1\"]",
            "\"", "\\", "\\u0000", "\\uD800", "\"\\uD800\"", "\"\\u00e9\"", ",", ":", "[", "]", "{", "}", ",,", " ", "\n\t\r",
            "[".repeat(10_000), "{\"a\":".repeat(5_000), "[".repeat(40) + "]".repeat(40),
            "\"trade\"", "\"ticker\"", "\"heartbeat\"", "\"snapshot\"", "\"update\"", "\"depthUpdate\"", "\"books5\"",
            "\"bbo-tbt\"", "\"l2Book\"", "\"l2_data\"", "\"book\"", "\"book-10\"", "\"bid\"", "\"offer\"", "\"r\"",
            "\"BTC\u00e9\""))
        {
            tokens.add(text.getBytes(UTF_8));
        }
        tokens.add(new byte[]{ (byte)0xC0, (byte)0xAF });
        tokens.add(new byte[]{ (byte)0xED, (byte)0xA0, (byte)0x80 });
        tokens.add(new byte[]{ (byte)0xF4, (byte)0x90, (byte)0x80, (byte)0x80 });
        tokens.add(new byte[]{ (byte)0xF5, (byte)0x80, (byte)0x80, (byte)0x80 });
        tokens.add(new byte[]{ (byte)0x80 });
        tokens.add(new byte[]{ (byte)0xFF });
        tokens.add(new byte[]{ (byte)0xE2, (byte)0x82 });
        tokens.add(new byte[]{ 0x00 });
        tokens.add(new byte[]{ 0x7F });
        return List.copyOf(tokens);
    }
}
