package io.fathom.codec.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where to cut a JSON frame short so that every kind of place a frame can end is tried, without trying every
 * byte of a frame that repeats one level shape a thousand times. A cut's kind is what a decoder has read when
 * the bytes run out: the path of containers and keys it is in (array elements counted up to {@link
 * #DISTINCT_ELEMENTS}, so the first elements of a level array and of a level's tuple are told apart and the later
 * ones share a kind), whether it is inside a string, the token it is in (its length and how far into it the cut
 * falls, so each digit position of each length of number or decimal is its own kind, which is where reading eight
 * digits at a time changes course), and the bytes either side of the cut. Every cut in the first and last
 * {@link #EDGE} bytes is kept, and of every other kind the first two and the last; every {@link #STRIDE}th cut
 * besides.
 */
final class FrameCuts
{
    static final int EDGE = 256;
    static final int DISTINCT_ELEMENTS = 4;
    static final int STRIDE = 101;

    private FrameCuts()
    {
    }

    /** The frames of a target that are cut short: its first eight JSON frames (objects or arrays). */
    static List<byte[]> framesToCut(final FuzzTarget target)
    {
        final List<byte[]> frames = new ArrayList<>();
        for (final byte[] frame : FuzzCorpus.frames(target))
        {
            if (frame[0] == '{' || frame[0] == '[')
            {
                frames.add(frame);
                if (frames.size() == 8)
                {
                    break;
                }
            }
        }
        return frames;
    }

    /** The lengths to cut {@code frame} to, ascending, each in {@code [1, frame.length)}. */
    static int[] of(final byte[] frame)
    {
        final int length = frame.length;
        final String[] kinds = kinds(frame);
        final Map<String, int[]> seen = new HashMap<>();
        final boolean[] keep = new boolean[length];
        for (int cut = 1; cut < length; cut++)
        {
            final int[] firstTwoAndLast = seen.computeIfAbsent(kinds[cut], kind -> new int[]{ -1, -1, -1 });
            if (firstTwoAndLast[0] < 0)
            {
                firstTwoAndLast[0] = cut;
            }
            else if (firstTwoAndLast[1] < 0)
            {
                firstTwoAndLast[1] = cut;
            }
            firstTwoAndLast[2] = cut;
            keep[cut] = cut < EDGE || cut >= length - EDGE || cut % STRIDE == 0;
        }
        for (final int[] cuts : seen.values())
        {
            for (final int cut : cuts)
            {
                if (cut > 0)
                {
                    keep[cut] = true;
                }
            }
        }
        int kept = 0;
        final int[] cuts = new int[length];
        for (int cut = 1; cut < length; cut++)
        {
            if (keep[cut])
            {
                cuts[kept++] = cut;
            }
        }
        return Arrays.copyOf(cuts, kept);
    }

    /** The kind of each cut: {@code kinds[n]} for the frame's first {@code n} bytes. */
    static String[] kinds(final byte[] frame)
    {
        final String[] kinds = new String[frame.length + 1];
        final StringBuilder path = new StringBuilder();
        final int[] pathLengths = new int[frame.length + 1];
        final int[] elements = new int[frame.length + 1];
        final boolean[] expectingKey = new boolean[frame.length + 1];
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        int tokenStart = -1;
        int stringStart = -1;
        for (int i = 0; i <= frame.length; i++)
        {
            if (i > 0)
            {
                final int tokenEnd = tokenEnd(frame, tokenStart, inString);
                kinds[i] = path + "|" + (inString ? 's' : 'v') + "|" +
                    (tokenStart < 0 ? "-" : (tokenEnd - tokenStart) + "@" + (i - tokenStart)) + "|" +
                    byteClass(frame[i - 1]) + (i < frame.length ? byteClass(frame[i]) : '$');
            }
            if (i == frame.length)
            {
                break;
            }
            final byte b = frame[i];
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == '\\')
                {
                    escaped = true;
                }
                else if (b == '"')
                {
                    inString = false;
                    tokenStart = -1;
                    if (depth > 0 && expectingKey[depth])
                    {
                        path.setLength(pathLengths[depth]);
                        path.append(new String(frame, stringStart, i - stringStart + 1, java.nio.charset.StandardCharsets.UTF_8));
                        expectingKey[depth] = false;
                    }
                }
                continue;
            }
            if (isNumberByte(b))
            {
                if (tokenStart < 0)
                {
                    tokenStart = i;
                }
                continue;
            }
            tokenStart = -1;
            switch (b)
            {
                case '"':
                    inString = true;
                    stringStart = i;
                    tokenStart = i + 1;
                    break;
                case '{':
                case '[':
                    depth++;
                    path.append((char)b);
                    pathLengths[depth] = path.length();
                    elements[depth] = 0;
                    expectingKey[depth] = b == '{';
                    break;
                case '}':
                case ']':
                    path.setLength(pathLengths[depth] - 1);
                    depth--;
                    break;
                case ',':
                    if (path.charAt(pathLengths[depth] - 1) == '{')
                    {
                        path.setLength(pathLengths[depth]);
                        expectingKey[depth] = true;
                    }
                    else
                    {
                        elements[depth]++;
                        path.setLength(pathLengths[depth]);
                        path.append(Math.min(elements[depth], DISTINCT_ELEMENTS));
                    }
                    break;
                default:
                    break;
            }
        }
        return kinds;
    }

    private static int tokenEnd(final byte[] frame, final int tokenStart, final boolean inString)
    {
        if (tokenStart < 0)
        {
            return -1;
        }
        int end = tokenStart;
        while (end < frame.length && (inString ? frame[end] != '"' : isNumberByte(frame[end])))
        {
            end++;
        }
        return end;
    }

    private static boolean isNumberByte(final byte b)
    {
        return (b >= '0' && b <= '9') || b == '.' || b == '-' || b == '+' || b == 'e' || b == 'E' ||
            (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    private static char byteClass(final byte b)
    {
        if (b >= '0' && b <= '9')
        {
            return 'd';
        }
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'))
        {
            return 'a';
        }
        return b < 0x20 || b >= 0x7f ? '?' : (char)b;
    }
}
