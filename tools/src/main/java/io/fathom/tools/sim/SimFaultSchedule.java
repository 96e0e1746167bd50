package io.fathom.tools.sim;

import io.fathom.tools.cli.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A timed list of {@link SimFaults} actions, as given to {@code fathom sim --faults SPEC}: comma-separated
 * items, each {@code FAULT@TIME[:ARG...]} with the time counted from the simulator's start, plus at most one
 * {@code every=PERIOD} that repeats the whole list. Times and durations are a whole number and a unit
 * ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}).
 *
 * <pre>
 * drop-all@T          cut every open connection (clients see 1006)
 * drop-one@T          cut the oldest open connection
 * stall@T:D           no depth frames for D (sockets open, pings answered)
 * no-pong@T:D         client pings unanswered for D
 * malformed@T:N       corrupt the next N depth frames
 * gap@T:N             withhold the next N diffs (a sequence gap)
 * corrupt@T:N         send N updates with one quantity altered, the checksum unaltered (checksum venues)
 * slow-rest@T:D       delay every REST response by D from T on (0s ends it)
 * 429@T:N:S           answer the next N depth requests 429 with Retry-After: S
 * clear@T             end every fault
 * every=P             repeat the list every P, which must exceed every T
 * </pre>
 *
 * Parsing is strict: a bad item is an {@link IllegalArgumentException} quoting it. Immutable.
 */
public final class SimFaultSchedule
{
    /** The schedule with nothing in it. */
    public static final SimFaultSchedule NONE = new SimFaultSchedule(List.of(), Duration.ZERO);
    public static final int MAX_COUNT = 1_000_000_000;
    /** The {@code --faults} option's help, shared by {@code sim} and {@code demo}. */
    public static final String HELP = "Faults to inject, comma-separated FAULT@TIME[:ARG...] with times from " +
        "the simulator's start: drop-all@T, drop-one@T (the oldest), stall@T:DURATION (no depth frames), " +
        "no-pong@T:DURATION, malformed@T:COUNT (corrupt frames), gap@T:COUNT (skip diffs), corrupt@T:COUNT " +
        "(updates with one quantity altered but the checksum of the real book; kraken, kraken-v1, okx, bitget), " +
        "slow-rest@T:DELAY (0s ends it), 429@T:COUNT:RETRY_AFTER_SECONDS, clear@T; every=PERIOD repeats the " +
        "list (PERIOD beyond the last T). Units ms, s, m, h. Example: " +
        "drop-all@10s,stall@20s:3s,no-pong@25s:40s,malformed@30s:5,gap@35s:1,slow-rest@40s:2s,429@45s:3:1," +
        "slow-rest@48s:0s,drop-one@50s,every=60s. Prints 'fault: <item> at <seconds>s' as each fires.";
    private static final String EVERY = "every=";

    /** What a scheduled item does, its name in a SPEC and the arguments it takes. */
    public enum Action
    {
        DROP_ALL("drop-all", ""),
        DROP_ONE("drop-one", ""),
        STALL("stall", ":DURATION"),
        NO_PONG("no-pong", ":DURATION"),
        MALFORMED("malformed", ":COUNT"),
        GAP("gap", ":COUNT"),
        CORRUPT("corrupt", ":COUNT"),
        SLOW_REST("slow-rest", ":DELAY"),
        TOO_MANY_REQUESTS("429", ":COUNT:RETRY_AFTER_SECONDS"),
        CLEAR("clear", "");

        private final String specName;
        private final String arguments;

        Action(final String specName, final String arguments)
        {
            this.specName = specName;
            this.arguments = arguments;
        }

        /**
         * @return the name used in a SPEC, e.g. {@code drop-all}.
         */
        public String specName()
        {
            return specName;
        }

        int argumentCount()
        {
            return arguments.isEmpty() ? 0 : arguments.split(":", -1).length - 1;
        }

        String usage()
        {
            return specName + "@TIME" + arguments;
        }

        static Action of(final String specName)
        {
            for (final Action action : values())
            {
                if (action.specName.equals(specName))
                {
                    return action;
                }
            }
            return null;
        }
    }

    /** One scheduled action; fields unused by its action are zero. */
    public static final class Entry
    {
        final Action action;
        final Duration at;
        final Duration duration;
        final int count;
        final int retryAfterSeconds;
        final String description;

        Entry(
            final Action action,
            final Duration at,
            final Duration duration,
            final int count,
            final int retryAfterSeconds,
            final String description)
        {
            this.action = action;
            this.at = at;
            this.duration = duration;
            this.count = count;
            this.retryAfterSeconds = retryAfterSeconds;
            this.description = description;
        }

        public Action action()
        {
            return action;
        }

        /**
         * @return when it first fires, counted from the simulator's start.
         */
        public Duration at()
        {
            return at;
        }

        /**
         * @return the window of {@code stall} and {@code no-pong}, the delay of {@code slow-rest}.
         */
        public Duration duration()
        {
            return duration;
        }

        /**
         * @return frames, diffs, updates or requests affected by {@code malformed}, {@code gap},
         * {@code corrupt} and {@code 429}.
         */
        public int count()
        {
            return count;
        }

        public int retryAfterSeconds()
        {
            return retryAfterSeconds;
        }

        /**
         * @return the item without its time, as printed when it fires: {@code stall:3s}.
         */
        public String description()
        {
            return description;
        }

        public String toString()
        {
            final int colon = description.indexOf(':');
            return colon < 0 ? description + "@" + format(at) :
                description.substring(0, colon) + "@" + format(at) + description.substring(colon);
        }
    }

    private final List<Entry> entries;
    private final Duration repeatPeriod;

    private SimFaultSchedule(final List<Entry> entries, final Duration repeatPeriod)
    {
        this.entries = entries;
        this.repeatPeriod = repeatPeriod;
    }

    /**
     * @throws IllegalArgumentException naming the first bad item and what is wrong with it.
     */
    public static SimFaultSchedule parse(final String spec)
    {
        if (spec == null || spec.isBlank())
        {
            throw new IllegalArgumentException("empty fault schedule; expected FAULT@TIME[:ARG...][,...]");
        }
        final List<Entry> entries = new ArrayList<>();
        Duration repeatPeriod = null;
        String repeatItem = null;
        final String[] items = spec.split(",", -1);
        for (int i = 0; i < items.length; i++)
        {
            final String item = items[i].trim();
            if (item.isEmpty())
            {
                throw new IllegalArgumentException("fault item " + (i + 1) + " of '" + spec + "' is empty");
            }
            if (item.startsWith(EVERY))
            {
                if (repeatPeriod != null)
                {
                    throw bad(item, "'every=' may be given once");
                }
                repeatPeriod = duration(item, item.substring(EVERY.length()));
                repeatItem = item;
                if (repeatPeriod.isZero())
                {
                    throw bad(item, "the repeat period must be positive");
                }
            }
            else
            {
                entries.add(parseEntry(item));
            }
        }
        if (entries.isEmpty())
        {
            throw new IllegalArgumentException("fault schedule '" + spec + "' has no fault, only a repeat period");
        }
        entries.sort(Comparator.comparing(Entry::at));
        final Duration last = entries.get(entries.size() - 1).at;
        if (repeatPeriod != null && repeatPeriod.compareTo(last) <= 0)
        {
            throw bad(repeatItem, "the repeat period must exceed the last fault time (" + format(last) + ")");
        }
        return new SimFaultSchedule(Collections.unmodifiableList(entries), repeatPeriod == null ? Duration.ZERO :
            repeatPeriod);
    }

    /**
     * @return the items in the order they fire (by time, ties as written).
     */
    public List<Entry> entries()
    {
        return entries;
    }

    /**
     * @return the repeat period, or {@link Duration#ZERO} when the list runs once.
     */
    public Duration repeatPeriod()
    {
        return repeatPeriod;
    }

    public boolean isEmpty()
    {
        return entries.isEmpty();
    }

    /**
     * @return whether any item is a {@code corrupt}, which only a venue with a book checksum can honour.
     */
    public boolean corrupts()
    {
        return entries.stream().anyMatch((entry) -> entry.action == Action.CORRUPT);
    }

    /**
     * @return the schedule as a SPEC that parses back to it.
     */
    public String toString()
    {
        final StringBuilder builder = new StringBuilder();
        for (final Entry entry : entries)
        {
            builder.append(builder.length() == 0 ? "" : ",").append(entry);
        }
        if (!repeatPeriod.isZero())
        {
            builder.append(",every=").append(format(repeatPeriod));
        }
        return builder.toString();
    }

    private static Entry parseEntry(final String item)
    {
        final int at = item.indexOf('@');
        final String name = at < 0 ? item : item.substring(0, at);
        final Action action = Action.of(name);
        if (action == null)
        {
            final StringBuilder names = new StringBuilder();
            for (final Action known : Action.values())
            {
                names.append(names.length() == 0 ? "" : ", ").append(known.specName);
            }
            throw bad(item, "unknown fault '" + name + "'; expected one of " + names + " or every=PERIOD");
        }
        final String[] parts = at < 0 ? new String[0] : item.substring(at + 1).split(":", -1);
        if (parts.length != 1 + action.argumentCount())
        {
            throw bad(item, "expected " + action.usage());
        }
        final Duration time = duration(item, parts[0]);
        final StringBuilder description = new StringBuilder(action.specName);
        for (int i = 1; i < parts.length; i++)
        {
            description.append(':').append(parts[i].trim());
        }
        Duration duration = Duration.ZERO;
        int count = 0;
        int retryAfterSeconds = 0;
        switch (action)
        {
            case STALL:
            case NO_PONG:
                duration = duration(item, parts[1]);
                if (duration.isZero())
                {
                    throw bad(item, action.specName + " needs a positive duration");
                }
                break;
            case SLOW_REST:
                duration = duration(item, parts[1]);
                break;
            case MALFORMED:
            case GAP:
            case CORRUPT:
                count = integer(item, parts[1], "count", 1, MAX_COUNT);
                break;
            case TOO_MANY_REQUESTS:
                count = integer(item, parts[1], "count", 1, MAX_COUNT);
                retryAfterSeconds = integer(
                    item, parts[2], "Retry-After seconds", 0, SimFaults.MAX_RETRY_AFTER_SECONDS);
                break;
            default:
                break;
        }
        return new Entry(action, time, duration, count, retryAfterSeconds, description.toString());
    }

    private static Duration duration(final String item, final String text)
    {
        final Duration duration;
        try
        {
            duration = Durations.parse(text);
        }
        catch (final RuntimeException ex)
        {
            throw bad(item, "'" + text + "' is not a duration; write a whole number and a unit: 500ms, 30s, 5m, 2h");
        }
        if (duration.compareTo(SimFaults.MAX_WINDOW) > 0)
        {
            throw bad(item, "'" + text + "' is longer than " + SimFaults.MAX_WINDOW.toDays() + " days");
        }
        return duration;
    }

    private static int integer(final String item, final String text, final String what, final int min, final int max)
    {
        final String digits = text.trim();
        final String range = min + ".." + max;
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch((c) -> c >= '0' && c <= '9'))
        {
            throw bad(item, what + " '" + text + "' is not a whole number " + range);
        }
        final long value = Long.parseLong(digits);
        if (value < min || value > max)
        {
            throw bad(item, what + " " + value + " is outside " + range);
        }
        return (int)value;
    }

    private static IllegalArgumentException bad(final String item, final String problem)
    {
        return new IllegalArgumentException("bad fault item '" + item + "': " + problem);
    }

    static String format(final Duration duration)
    {
        final long ms = duration.toMillis();
        if (ms % 3_600_000 == 0 && ms != 0)
        {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms != 0)
        {
            return ms / 60_000 + "m";
        }
        return ms % 1_000 == 0 ? ms / 1_000 + "s" : ms + "ms";
    }
}
