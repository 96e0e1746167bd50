package io.fathom.codec.json;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Parses RFC 3339 timestamps ({@code 2023-02-09T20:32:50.714964855Z}, or an offset such as
 * {@code +01:00}) to epoch milliseconds without allocating, for venues that send text times. Fractions
 * below a millisecond are truncated. Stateless and thread-safe.
 */
public final class Rfc3339
{
    /** Returned by {@link #toEpochMs} for text that is not a valid timestamp at or after 1970. */
    public static final long INVALID = -1;

    private static final long MS_PER_DAY = 86_400_000L;

    private Rfc3339()
    {
    }

    /**
     * @return milliseconds since the unix epoch, or {@link #INVALID}.
     */
    public static long toEpochMs(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        if (length < 20 || buffer.getByte(offset + 4) != '-' || buffer.getByte(offset + 7) != '-' ||
            !isTimeSeparator(buffer.getByte(offset + 10)) || buffer.getByte(offset + 13) != ':' ||
            buffer.getByte(offset + 16) != ':')
        {
            return INVALID;
        }
        final int year = digits(buffer, offset, 4);
        final int month = digits(buffer, offset + 5, 2);
        final int day = digits(buffer, offset + 8, 2);
        final int hour = digits(buffer, offset + 11, 2);
        final int minute = digits(buffer, offset + 14, 2);
        final int second = digits(buffer, offset + 17, 2);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || (hour | minute | second) < 0 || hour > 23 ||
            minute > 59 || second > 60)
        {
            return INVALID;
        }

        int i = offset + 19;
        long millis = 0;
        if (buffer.getByte(i) == '.')
        {
            final int fractionStart = ++i;
            while (i < end && isDigit(buffer.getByte(i)))
            {
                if (i - fractionStart < 3)
                {
                    millis = millis * 10 + buffer.getByte(i) - '0';
                }
                i++;
            }
            if (i == fractionStart)
            {
                return INVALID;
            }
            for (int d = i - fractionStart; d < 3; d++)
            {
                millis *= 10;
            }
        }

        final long offsetMinutes = zoneOffsetMinutes(buffer, i, end);
        if (Long.MIN_VALUE == offsetMinutes)
        {
            return INVALID;
        }
        final long epochMs = daysFromCivil(year, month, day) * MS_PER_DAY +
            ((hour * 60L + minute - offsetMinutes) * 60L + second) * 1000L + millis;
        return epochMs < 0 ? INVALID : epochMs;
    }

    /** The length of what {@link #format} writes: {@code 2023-10-06T17:35:55.440Z}. */
    public static final int FORMATTED_LENGTH = 24;

    /**
     * Writes epoch milliseconds (0 to year 9999) as {@code YYYY-MM-DDTHH:MM:SS.mmmZ} without allocating.
     *
     * @return the number of bytes written, {@link #FORMATTED_LENGTH}.
     */
    public static int format(final long epochMs, final MutableDirectBuffer buffer, final int offset)
    {
        final long days = Math.floorDiv(epochMs, MS_PER_DAY);
        final long msOfDay = Math.floorMod(epochMs, MS_PER_DAY);
        final long z = days + 719_468L;
        final long era = Math.floorDiv(z, 146_097L);
        final long dayOfEra = z - era * 146_097L;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long mp = (5 * dayOfYear + 2) / 153;
        final long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        final long month = mp < 10 ? mp + 3 : mp - 9;
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

        putDigits(buffer, offset, year, 4);
        buffer.putByte(offset + 4, (byte)'-');
        putDigits(buffer, offset + 5, month, 2);
        buffer.putByte(offset + 7, (byte)'-');
        putDigits(buffer, offset + 8, day, 2);
        buffer.putByte(offset + 10, (byte)'T');
        putDigits(buffer, offset + 11, msOfDay / 3_600_000, 2);
        buffer.putByte(offset + 13, (byte)':');
        putDigits(buffer, offset + 14, msOfDay / 60_000 % 60, 2);
        buffer.putByte(offset + 16, (byte)':');
        putDigits(buffer, offset + 17, msOfDay / 1000 % 60, 2);
        buffer.putByte(offset + 19, (byte)'.');
        putDigits(buffer, offset + 20, msOfDay % 1000, 3);
        buffer.putByte(offset + 23, (byte)'Z');
        return FORMATTED_LENGTH;
    }

    private static void putDigits(final MutableDirectBuffer buffer, final int offset, final long value, final int count)
    {
        long remaining = value;
        for (int i = count - 1; i >= 0; i--)
        {
            buffer.putByte(offset + i, (byte)('0' + remaining % 10));
            remaining /= 10;
        }
    }

    private static long zoneOffsetMinutes(final DirectBuffer buffer, final int index, final int end)
    {
        if (index >= end)
        {
            return Long.MIN_VALUE;
        }
        final byte zone = buffer.getByte(index);
        if (zone == 'Z' || zone == 'z')
        {
            return index + 1 == end ? 0 : Long.MIN_VALUE;
        }
        if ((zone != '+' && zone != '-') || end - index != 6 || buffer.getByte(index + 3) != ':')
        {
            return Long.MIN_VALUE;
        }
        final int hours = digits(buffer, index + 1, 2);
        final int minutes = digits(buffer, index + 4, 2);
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
        {
            return Long.MIN_VALUE;
        }
        final long total = hours * 60L + minutes;
        return zone == '-' ? -total : total;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(final int year, final int month, final int day)
    {
        final int y = month <= 2 ? year - 1 : year;
        final int era = y / 400;
        final int yearOfEra = y - era * 400;
        final int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        final int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private static int daysInMonth(final int year, final int month)
    {
        switch (month)
        {
            case 2:
                final boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** @return the value of {@code count} ASCII digits, or -1 when one is not a digit. */
    private static int digits(final DirectBuffer buffer, final int offset, final int count)
    {
        int value = 0;
        for (int i = offset; i < offset + count; i++)
        {
            final byte b = buffer.getByte(i);
            if (!isDigit(b))
            {
                return -1;
            }
            value = value * 10 + b - '0';
        }
        return value;
    }

    private static boolean isTimeSeparator(final byte b)
    {
        return b == 'T' || b == 't';
    }

    private static boolean isDigit(final byte b)
    {
        return b >= '0' && b <= '9';
    }
}
