package io.fathom.codec.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A lenient lexer over a frame's bytes for the fuzz tests, independent of the codec's scanner: where its
 * values are, and which kind of place each byte offset is, so truncation can cut at every kind of place.
 */
final class JsonValues
{
    private static final int STRUCTURE = 0;
    private static final int STRING = 1;
    private static final int ESCAPE = 2;
    private static final int BARE = 3;

    private JsonValues()
    {
    }

    /** {@code [start, end)} of every string, number, literal and container, in order of their starts. */
    static List<int[]> spans(final byte[] frame)
    {
        final List<int[]> spans = new ArrayList<>();
        final Deque<Integer> open = new ArrayDeque<>();
        int i = 0;
        while (i < frame.length)
        {
            final byte b = frame[i];
            if (b == '"')
            {
                final int end = stringEnd(frame, i);
                spans.add(new int[]{ i, end });
                i = end;
            }
            else if (b == '[' || b == '{')
            {
                open.push(spans.size());
                spans.add(new int[]{ i, -1 });
                i++;
            }
            else if (b == ']' || b == '}')
            {
                if (!open.isEmpty())
                {
                    spans.get(open.pop())[1] = i + 1;
                }
                i++;
            }
            else if (isBare(b))
            {
                final int start = i;
                while (i < frame.length && isBare(frame[i]))
                {
                    i++;
                }
                spans.add(new int[]{ start, i });
            }
            else
            {
                i++;
            }
        }
        spans.removeIf(span -> span[1] < 0);
        return spans;
    }

    /**
     * Offsets at which to cut the frame: every offset of a short frame; of a long one, the first and last
     * few offsets of each kind of place (lexical state and the byte there), plus a regular stride, so that
     * a cut lands inside every kind of token and between every pair of delimiters the frame has.
     */
    static List<Integer> cutOffsets(final byte[] frame, final int everyOffsetBelow, final int perClass)
    {
        if (frame.length <= everyOffsetBelow)
        {
            final List<Integer> all = new ArrayList<>(frame.length);
            for (int i = 0; i < frame.length; i++)
            {
                all.add(i);
            }
            return all;
        }
        final Map<String, List<Integer>> byClass = new LinkedHashMap<>();
        int state = STRUCTURE;
        for (int i = 0; i < frame.length; i++)
        {
            final byte b = frame[i];
            byClass.computeIfAbsent(state + ":" + byteClass(b), k -> new ArrayList<>()).add(i);
            state = next(state, b, i + 1 < frame.length ? frame[i + 1] : 0);
        }
        final TreeSet<Integer> cuts = new TreeSet<>();
        for (final List<Integer> offsets : byClass.values())
        {
            for (int k = 0; k < perClass && k < offsets.size(); k++)
            {
                cuts.add(offsets.get(k));
                cuts.add(offsets.get(offsets.size() - 1 - k));
            }
        }
        final int stride = Math.max(1, frame.length / 256);
        for (int i = 0; i < frame.length; i += stride)
        {
            cuts.add(i);
        }
        cuts.add(frame.length - 1);
        return new ArrayList<>(cuts);
    }

    private static int next(final int state, final byte b, final byte following)
    {
        switch (state)
        {
            case STRING:
                return b == '\\' ? ESCAPE : b == '"' ? STRUCTURE : STRING;
            case ESCAPE:
                return STRING;
            default:
                if (b == '"')
                {
                    return STRING;
                }
                return isBare(b) && isBare(following) ? BARE : STRUCTURE;
        }
    }

    private static char byteClass(final byte b)
    {
        if (b >= '1' && b <= '9')
        {
            return '1';
        }
        if ((b >= 'a' && b <= 'z' && b != 'e') || (b >= 'A' && b <= 'Z' && b != 'E'))
        {
            return 'a';
        }
        return b < 0 ? '~' : (char)b;
    }

    private static int stringEnd(final byte[] frame, final int quote)
    {
        int i = quote + 1;
        while (i < frame.length)
        {
            if (frame[i] == '\\')
            {
                i += 2;
            }
            else if (frame[i] == '"')
            {
                return i + 1;
            }
            else
            {
                i++;
            }
        }
        return frame.length;
    }

    private static boolean isBare(final byte b)
    {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '-' || b == '+' ||
            b == '.';
    }
}
