package io.fathom.engine.publish;

import io.aeron.ChannelUri;
import io.fathom.engine.InvalidSettingException;

import java.io.File;
import java.time.Duration;

/**
 * Whether and where the engine publishes its books over Aeron: the channel (off when none), the stream id,
 * an external media driver's directory (none: the engine runs an embedded driver of its own), how often
 * every book is sent whole for subscribers that join late or lost messages, and the control channel on which
 * subscribers ask for books whole sooner, with the rate at which such requests are answered.
 */
public final class PublishContext
{
    /** The stream id unless configured. */
    public static final int DEFAULT_STREAM_ID = 1801;
    /** How often every valid book is sent whole unless configured. */
    public static final Duration DEFAULT_SNAPSHOT_INTERVAL = Duration.ofSeconds(1);
    /** The control channel value that turns snapshot requests off. */
    public static final String CONTROL_OFF = "off";
    /** Books sent whole a second, at most, to answer snapshot requests, unless configured. */
    public static final int DEFAULT_REQUEST_RATE = 10_000;

    private String channel;
    private int streamId = DEFAULT_STREAM_ID;
    private File aeronDir;
    private Duration snapshotInterval = DEFAULT_SNAPSHOT_INTERVAL;
    private String controlChannel;
    private int requestRate = DEFAULT_REQUEST_RATE;

    /** The Aeron channel to publish on, e.g. {@code aeron:ipc} or {@code aeron:udp?endpoint=127.0.0.1:40456}; null: off. */
    public PublishContext channel(final String channel)
    {
        this.channel = channel;
        return this;
    }

    public String channel()
    {
        return channel;
    }

    public boolean enabled()
    {
        return channel != null;
    }

    public PublishContext streamId(final int streamId)
    {
        this.streamId = streamId;
        return this;
    }

    public int streamId()
    {
        return streamId;
    }

    /** A running media driver's directory; null (default): an embedded driver, deleted when the engine closes. */
    public PublishContext aeronDir(final File aeronDir)
    {
        this.aeronDir = aeronDir;
        return this;
    }

    public File aeronDir()
    {
        return aeronDir;
    }

    /** How often every valid book is sent whole, 10 ms..1 h; default {@link #DEFAULT_SNAPSHOT_INTERVAL}. */
    public PublishContext snapshotInterval(final Duration snapshotInterval)
    {
        this.snapshotInterval = snapshotInterval;
        return this;
    }

    public Duration snapshotInterval()
    {
        return snapshotInterval;
    }

    /**
     * The channel the engine reads snapshot requests on, stream {@link #controlStreamId()}: for UDP an endpoint
     * of the engine's host to listen on, e.g. {@code aeron:udp?endpoint=127.0.0.1:40457}; {@link #CONTROL_OFF}:
     * none; null (default): {@code aeron:ipc} when publishing on IPC, none when publishing on UDP.
     */
    public PublishContext controlChannel(final String controlChannel)
    {
        this.controlChannel = controlChannel;
        return this;
    }

    /** The control channel in effect (the default resolved), or null when requests are off. */
    public String controlChannel()
    {
        if (controlChannel == null)
        {
            return channel != null && channel.startsWith("aeron:ipc") ? "aeron:ipc" : null;
        }
        return CONTROL_OFF.equals(controlChannel) ? null : controlChannel;
    }

    /** Requests travel on the stream after the books': {@link #streamId()} + 1. */
    public int controlStreamId()
    {
        return streamId + 1;
    }

    /** Books sent whole a second, at most, to answer requests, 1..1000000; default {@link #DEFAULT_REQUEST_RATE}. */
    public PublishContext requestRate(final int requestRate)
    {
        this.requestRate = requestRate;
        return this;
    }

    public int requestRate()
    {
        return requestRate;
    }

    /**
     * Checks the settings (all of them, even while publishing is off).
     * @throws InvalidSettingException naming the setting refused.
     */
    public PublishContext conclude()
    {
        if (snapshotInterval == null || snapshotInterval.toMillis() < 10 || snapshotInterval.toMinutes() > 60)
        {
            throw new InvalidSettingException("publishSnapshotInterval", "must be 10ms..1h (got " + snapshotInterval + ")");
        }
        if (streamId == 0 || streamId == -1 || streamId == Integer.MAX_VALUE)
        {
            throw new InvalidSettingException("publishStreamId", "must not be 0, -1 or " + Integer.MAX_VALUE +
                " (requests use the next stream id, which must not be 0 either)");
        }
        if (requestRate < 1 || requestRate > 1_000_000)
        {
            throw new InvalidSettingException("publishRequestRate", "must be 1..1000000 books a second (got " + requestRate + ")");
        }
        if (aeronDir != null && !new File(aeronDir, "cnc.dat").isFile())
        {
            throw new InvalidSettingException("aeronDir", "must be a running media driver's directory (no cnc.dat in " + aeronDir + ")");
        }
        if (controlChannel != null && !CONTROL_OFF.equals(controlChannel))
        {
            checkControlChannel(controlChannel);
        }
        if (channel == null)
        {
            return this;
        }
        try
        {
            final ChannelUri uri = ChannelUri.parse(channel);
            if (!uri.isIpc() && !uri.isUdp())
            {
                throw new IllegalArgumentException("media must be ipc or udp");
            }
        }
        catch (final RuntimeException ex)
        {
            throw new InvalidSettingException("publish", "must be an Aeron channel such as aeron:ipc or " +
                "aeron:udp?endpoint=HOST:PORT (got " + channel + ": " + ex.getMessage() + ")");
        }
        return this;
    }

    private static void checkControlChannel(final String control)
    {
        try
        {
            final ChannelUri uri = ChannelUri.parse(control);
            if (!uri.isIpc() && !(uri.isUdp() && uri.get("endpoint") != null))
            {
                throw new IllegalArgumentException("media must be ipc, or udp with an endpoint to listen on");
            }
        }
        catch (final RuntimeException ex)
        {
            throw new InvalidSettingException("publishControl", "must be off or an Aeron channel such as aeron:ipc or " +
                "aeron:udp?endpoint=HOST:PORT of this host (got " + control + ": " + ex.getMessage() + ")");
        }
    }
}
