package io.fathom.engine.publish;

import io.aeron.ChannelUri;
import io.fathom.engine.InvalidSettingException;

import java.io.File;
import java.time.Duration;

/**
 * Whether and where the engine publishes its books over Aeron: the channel (off when none), the stream id,
 * an external media driver's directory (none: the engine runs an embedded driver of its own), and how often
 * every book is sent whole for subscribers that join late or lost messages.
 */
public final class PublishContext
{
    /** The stream id unless configured. */
    public static final int DEFAULT_STREAM_ID = 1801;
    /** How often every valid book is sent whole unless configured. */
    public static final Duration DEFAULT_SNAPSHOT_INTERVAL = Duration.ofSeconds(1);

    private String channel;
    private int streamId = DEFAULT_STREAM_ID;
    private File aeronDir;
    private Duration snapshotInterval = DEFAULT_SNAPSHOT_INTERVAL;

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
     * Checks the settings (all of them, even while publishing is off).
     * @throws InvalidSettingException naming the setting refused.
     */
    public PublishContext conclude()
    {
        if (snapshotInterval == null || snapshotInterval.toMillis() < 10 || snapshotInterval.toMinutes() > 60)
        {
            throw new InvalidSettingException("publishSnapshotInterval", "must be 10ms..1h (got " + snapshotInterval + ")");
        }
        if (streamId == 0)
        {
            throw new InvalidSettingException("publishStreamId", "must not be 0");
        }
        if (aeronDir != null && !new File(aeronDir, "cnc.dat").isFile())
        {
            throw new InvalidSettingException("aeronDir", "must be a running media driver's directory (no cnc.dat in " + aeronDir + ")");
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
}
