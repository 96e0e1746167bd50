package io.fathom.tools.sim;

import io.fathom.codec.Venue;

import java.util.function.Consumer;

/**
 * What a {@link Simulator} serves: which venue's protocol, how many instruments, how fast, where, and from
 * which seed.
 *
 * <p>Fluent setters return {@code this}; {@link #validate()} checks the ranges and
 * {@link Simulator#start(SimulatorConfig)} calls it. A rate of {@link #RATE_MAX} sends as fast as the
 * subscribed clients read. A fault schedule, if any, reports each action to the fault log, by default
 * a line on {@code System.out}.
 */
public final class SimulatorConfig
{
    /** {@link #ratePerSecond(long)} value meaning "as fast as the slowest subscribed client reads". */
    public static final long RATE_MAX = 0;
    public static final int MAX_SYMBOLS = 100_000;
    public static final long MAX_RATE_PER_SECOND = 10_000_000L;
    public static final int DEFAULT_SYMBOLS = 10;
    public static final long DEFAULT_RATE_PER_SECOND = 1_000;
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Binance spot pings every 20 s; Java-WebSocket drops a peer silent for 1.5 intervals. */
    public static final int DEFAULT_PING_INTERVAL_SECONDS = 20;
    /** Frames queued to one connection before {@link #RATE_MAX} generation waits for it. */
    public static final int DEFAULT_HIGH_WATERMARK_FRAMES = 1_024;
    /** Frames queued to one connection at a fixed rate before it is dropped as a slow consumer. */
    public static final int DEFAULT_MAX_QUEUED_FRAMES = 16_384;

    private Venue venue = Venue.BINANCE;
    private int symbolCount = DEFAULT_SYMBOLS;
    private long ratePerSecond = DEFAULT_RATE_PER_SECOND;
    private String host = DEFAULT_HOST;
    private int wsPort = 0;
    private int restPort = 0;
    private long seed = 1;
    private int levelsPerSide = SimBook.DEFAULT_LEVELS_PER_SIDE;
    private int pingIntervalSeconds = DEFAULT_PING_INTERVAL_SECONDS;
    private int highWatermarkFrames = DEFAULT_HIGH_WATERMARK_FRAMES;
    private int maxQueuedFrames = DEFAULT_MAX_QUEUED_FRAMES;
    private SimFaultSchedule faultSchedule = SimFaultSchedule.NONE;
    private Consumer<String> faultLog = (line) -> System.out.println(line);
    private SimDiffObserver diffObserver = SimDiffObserver.NONE;
    private boolean mixedPrecision;

    /**
     * @return the venue whose wire protocol the simulator speaks; {@link Venue#BINANCE} by default.
     */
    public Venue venue()
    {
        return venue;
    }

    public SimulatorConfig venue(final Venue venue)
    {
        this.venue = venue;
        return this;
    }

    public int symbolCount()
    {
        return symbolCount;
    }

    public SimulatorConfig symbolCount(final int symbolCount)
    {
        this.symbolCount = symbolCount;
        return this;
    }

    /**
     * @return depth messages per second across all symbols, or {@link #RATE_MAX}.
     */
    public long ratePerSecond()
    {
        return ratePerSecond;
    }

    public SimulatorConfig ratePerSecond(final long ratePerSecond)
    {
        this.ratePerSecond = ratePerSecond;
        return this;
    }

    /**
     * A {@code --rate} as the command line gives it: messages per second, or {@code max} for {@link #RATE_MAX}.
     *
     * @throws IllegalArgumentException saying what a rate must be, for anything else.
     */
    public static long parseRate(final String text)
    {
        if ("max".equals(text))
        {
            return RATE_MAX;
        }
        long ratePerSecond = -1;
        try
        {
            ratePerSecond = Long.parseLong(text);
        }
        catch (final NumberFormatException ignored)
        {
            // reported below with the range
        }
        if (ratePerSecond < 1 || ratePerSecond > MAX_RATE_PER_SECOND)
        {
            throw new IllegalArgumentException(
                "--rate must be a positive integer (1.." + MAX_RATE_PER_SECOND + ") or 'max' but was '" + text + "'");
        }
        return ratePerSecond;
    }

    /** A rate for a person to read: {@code max} or messages a second, {@code 50000/s}. */
    public static String rateText(final long ratePerSecond)
    {
        return ratePerSecond == RATE_MAX ? "max" : ratePerSecond + "/s";
    }

    public String host()
    {
        return host;
    }

    public SimulatorConfig host(final String host)
    {
        this.host = host;
        return this;
    }

    /**
     * @return the WebSocket port; 0 binds an ephemeral port.
     */
    public int wsPort()
    {
        return wsPort;
    }

    public SimulatorConfig wsPort(final int wsPort)
    {
        this.wsPort = wsPort;
        return this;
    }

    /**
     * @return the REST port; 0 binds an ephemeral port.
     */
    public int restPort()
    {
        return restPort;
    }

    public SimulatorConfig restPort(final int restPort)
    {
        this.restPort = restPort;
        return this;
    }

    public long seed()
    {
        return seed;
    }

    public SimulatorConfig seed(final long seed)
    {
        this.seed = seed;
        return this;
    }

    public int levelsPerSide()
    {
        return levelsPerSide;
    }

    public SimulatorConfig levelsPerSide(final int levelsPerSide)
    {
        this.levelsPerSide = levelsPerSide;
        return this;
    }

    /**
     * @return seconds between server pings; 0 disables pings and lost-connection detection.
     */
    public int pingIntervalSeconds()
    {
        return pingIntervalSeconds;
    }

    public SimulatorConfig pingIntervalSeconds(final int pingIntervalSeconds)
    {
        this.pingIntervalSeconds = pingIntervalSeconds;
        return this;
    }

    public int highWatermarkFrames()
    {
        return highWatermarkFrames;
    }

    public SimulatorConfig highWatermarkFrames(final int highWatermarkFrames)
    {
        this.highWatermarkFrames = highWatermarkFrames;
        return this;
    }

    public int maxQueuedFrames()
    {
        return maxQueuedFrames;
    }

    public SimulatorConfig maxQueuedFrames(final int maxQueuedFrames)
    {
        this.maxQueuedFrames = maxQueuedFrames;
        return this;
    }

    /**
     * @return faults to run from the simulator's start; {@link SimFaultSchedule#NONE} for none.
     */
    public SimFaultSchedule faultSchedule()
    {
        return faultSchedule;
    }

    public SimulatorConfig faultSchedule(final SimFaultSchedule faultSchedule)
    {
        this.faultSchedule = faultSchedule;
        return this;
    }

    /**
     * @return where a line goes as each scheduled fault fires; called on the fault thread.
     */
    public Consumer<String> faultLog()
    {
        return faultLog;
    }

    public SimulatorConfig faultLog(final Consumer<String> faultLog)
    {
        this.faultLog = faultLog;
        return this;
    }

    /**
     * @return told of every diff with its scheduled send time; {@link SimDiffObserver#NONE} by default.
     */
    public SimDiffObserver diffObserver()
    {
        return diffObserver;
    }

    public SimulatorConfig diffObserver(final SimDiffObserver diffObserver)
    {
        this.diffObserver = diffObserver;
        return this;
    }

    /**
     * @return whether the Binance venues write instrument 1 with 10-decimal prices and instrument 2 with
     * quantities above 10^11 ({@link SimPrecision}); off by default, on for {@code sim} and {@code demo}.
     */
    public boolean mixedPrecision()
    {
        return mixedPrecision;
    }

    public SimulatorConfig mixedPrecision(final boolean mixedPrecision)
    {
        this.mixedPrecision = mixedPrecision;
        return this;
    }

    /**
     * @throws IllegalArgumentException naming the first field out of range.
     */
    public SimulatorConfig validate()
    {
        check(venue != null, "venue must be set");
        check(symbolCount >= 1 && symbolCount <= MAX_SYMBOLS, "symbolCount must be 1.." + MAX_SYMBOLS);
        check(ratePerSecond >= 0 && ratePerSecond <= MAX_RATE_PER_SECOND,
            "ratePerSecond must be 1.." + MAX_RATE_PER_SECOND + " or RATE_MAX (0)");
        check(host != null && !host.isEmpty(), "host must be set");
        check(wsPort >= 0 && wsPort <= 65_535, "wsPort must be 0..65535");
        check(restPort >= 0 && restPort <= 65_535, "restPort must be 0..65535");
        check(levelsPerSide >= SimBook.MIN_LEVELS_PER_SIDE && levelsPerSide <= SimBook.MAX_LEVELS_PER_SIDE,
            "levelsPerSide must be " + SimBook.MIN_LEVELS_PER_SIDE + ".." + SimBook.MAX_LEVELS_PER_SIDE);
        check(pingIntervalSeconds >= 0, "pingIntervalSeconds must be >= 0");
        check(highWatermarkFrames >= 1, "highWatermarkFrames must be >= 1");
        check(maxQueuedFrames >= highWatermarkFrames, "maxQueuedFrames must be >= highWatermarkFrames");
        check(faultSchedule != null, "faultSchedule must be set (SimFaultSchedule.NONE for none)");
        check(faultLog != null, "faultLog must be set");
        check(!faultSchedule.corrupts() || SimFaults.hasChecksum(venue),
            "the corrupt fault needs a venue with a book checksum (kraken, kraken-v1, okx, bitget), not " + venue);
        check(diffObserver != null, "diffObserver must be set (SimDiffObserver.NONE for none)");
        return this;
    }

    public String toString()
    {
        return "SimulatorConfig{venue=" + venue +
            ", symbolCount=" + symbolCount +
            ", rate=" + rateText(ratePerSecond) +
            ", host=" + host +
            ", wsPort=" + wsPort +
            ", restPort=" + restPort +
            ", seed=" + seed +
            ", levelsPerSide=" + levelsPerSide +
            ", pingIntervalSeconds=" + pingIntervalSeconds +
            ", highWatermarkFrames=" + highWatermarkFrames +
            ", maxQueuedFrames=" + maxQueuedFrames +
            ", faultSchedule=" + faultSchedule +
            '}';
    }

    private static void check(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
