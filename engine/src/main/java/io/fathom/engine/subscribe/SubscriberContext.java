package io.fathom.engine.subscribe;

import io.aeron.ChannelUri;
import io.fathom.engine.InvalidSettingException;
import io.fathom.engine.publish.PublishContext;
import io.fathom.engine.view.ViewSettings;
import org.HdrHistogram.Recorder;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a {@link BookSubscriber} reads books from and which: the channel and stream the engines publish on,
 * the engines' control channels it asks for snapshots on, the media driver (an embedded one of its own unless a
 * directory is given; {@code aeron:ipc} needs the publisher's), the symbols to keep (all when none), and how many
 * levels a side its views publish.
 */
public final class SubscriberContext
{
    /** Most books a subscriber keeps unless configured. */
    public static final int DEFAULT_MAX_BOOKS = 10_000;

    private String channel;
    private int streamId = PublishContext.DEFAULT_STREAM_ID;
    private File aeronDir;
    private List<String> symbols = List.of();
    private int viewDepth = ViewSettings.DEFAULT_DEPTH;
    private int maxBooks = DEFAULT_MAX_BOOKS;
    private int capacityPerSide = 2_048;
    private Recorder latencyRecorder;
    private List<String> controlChannels;

    public SubscriberContext channel(final String channel)
    {
        this.channel = channel;
        return this;
    }

    public String channel()
    {
        return channel;
    }

    public SubscriberContext streamId(final int streamId)
    {
        this.streamId = streamId;
        return this;
    }

    public int streamId()
    {
        return streamId;
    }

    /** A running media driver's directory; null (default): an embedded driver, deleted on close. */
    public SubscriberContext aeronDir(final File aeronDir)
    {
        this.aeronDir = aeronDir;
        return this;
    }

    public File aeronDir()
    {
        return aeronDir;
    }

    /**
     * The books to keep, matched ignoring case: {@code SYMBOL} on every venue, or {@code venue:SYMBOL}; empty (default):
     * every instrument the stream defines.
     */
    public SubscriberContext symbols(final List<String> symbols)
    {
        this.symbols = List.copyOf(symbols);
        return this;
    }

    public List<String> symbols()
    {
        return symbols;
    }

    Set<String> symbolFilter()
    {
        return symbols.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** Levels a side each view publishes on every change; 1..65535, default {@link ViewSettings#DEFAULT_DEPTH}. */
    public SubscriberContext viewDepth(final int viewDepth)
    {
        this.viewDepth = viewDepth;
        return this;
    }

    public int viewDepth()
    {
        return viewDepth;
    }

    /** Most books kept (their memory is taken as they are defined); default {@link #DEFAULT_MAX_BOOKS}. */
    public SubscriberContext maxBooks(final int maxBooks)
    {
        this.maxBooks = maxBooks;
        return this;
    }

    public int maxBooks()
    {
        return maxBooks;
    }

    /** Levels a side a book holds, as the engine's {@code bookCapacityPerSide}; default 2048. */
    public SubscriberContext capacityPerSide(final int capacityPerSide)
    {
        this.capacityPerSide = capacityPerSide;
        return this;
    }

    public int capacityPerSide()
    {
        return capacityPerSide;
    }

    /**
     * Receives publish-to-book nanoseconds of every applied change (same host only), capped at 1 s; null (default):
     * none. Give it a highest trackable value ({@code new Recorder(1_000_000_000L, 3)}): an auto-resizing recorder
     * allocates on the polling thread whenever a latency passes its range.
     */
    public SubscriberContext latencyRecorder(final Recorder latencyRecorder)
    {
        this.latencyRecorder = latencyRecorder;
        return this;
    }

    public Recorder latencyRecorder()
    {
        return latencyRecorder;
    }

    /**
     * The engines' control channels (their {@code publishControl}), on stream {@link #controlStreamId()}: every
     * snapshot request is offered on each, and the engine it names answers. Null (default): {@code aeron:ipc}
     * when the channel is IPC, none otherwise; empty: no requests (books wait for periodic snapshots).
     */
    public SubscriberContext controlChannels(final List<String> controlChannels)
    {
        this.controlChannels = controlChannels == null ? null : List.copyOf(controlChannels);
        return this;
    }

    /** The control channels in effect, the default resolved. */
    public List<String> controlChannels()
    {
        if (controlChannels == null)
        {
            return channel != null && channel.startsWith("aeron:ipc") ? List.of("aeron:ipc") : List.of();
        }
        return controlChannels;
    }

    /** Requests travel on the stream after the books', as the engines read them: {@link #streamId()} + 1. */
    public int controlStreamId()
    {
        return streamId + 1;
    }

    /** @throws InvalidSettingException naming the setting refused. */
    public SubscriberContext conclude()
    {
        if (channel == null)
        {
            throw new InvalidSettingException("channel", "is required, e.g. aeron:ipc or aeron:udp?endpoint=HOST:PORT");
        }
        try
        {
            ChannelUri.parse(channel);
        }
        catch (final RuntimeException ex)
        {
            throw new InvalidSettingException("channel", "must be an Aeron channel (got " + channel + ": " + ex.getMessage() + ")");
        }
        if (aeronDir != null && !new File(aeronDir, "cnc.dat").isFile())
        {
            throw new InvalidSettingException("aeronDir", "must be a running media driver's directory (no cnc.dat in " + aeronDir + ")");
        }
        if (streamId == 0 || streamId == -1 || streamId == Integer.MAX_VALUE)
        {
            throw new InvalidSettingException("streamId", "must not be 0, -1 or " + Integer.MAX_VALUE + " (requests use the next stream id)");
        }
        for (final String control : controlChannels())
        {
            try
            {
                final ChannelUri uri = ChannelUri.parse(control);
                if (!uri.isIpc() && !uri.isUdp())
                {
                    throw new IllegalArgumentException("media must be ipc or udp");
                }
            }
            catch (final RuntimeException ex)
            {
                throw new InvalidSettingException("controlChannels", "must be Aeron channels such as aeron:ipc or " +
                    "aeron:udp?endpoint=HOST:PORT of an engine's control endpoint (got " + control + ": " + ex.getMessage() + ")");
            }
        }
        if (maxBooks < 1 || maxBooks > 1_000_000)
        {
            throw new InvalidSettingException("maxBooks", "must be 1..1000000 (got " + maxBooks + ")");
        }
        if (capacityPerSide < 1 || capacityPerSide > 1 << 20)
        {
            throw new InvalidSettingException("capacityPerSide", "must be 1..1048576 (got " + capacityPerSide + ")");
        }
        if (viewDepth < 1 || viewDepth > 65_535)
        {
            throw new InvalidSettingException("viewDepth", "must be 1..65535 (got " + viewDepth + ")");
        }
        return this;
    }
}
