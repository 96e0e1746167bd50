package io.fathom.engine.feed;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Records every inbound frame, every frame sent and every REST snapshot body with its receive time, in
 * the recording line format {@code fathom check} reads (the cryptofeed format of the real recordings in
 * {@code data/realdata}):
 *
 * <pre>
 *   &lt;url&gt; &lt;-&gt; &lt;unix_ts&gt;                 a WebSocket connection opened
 *   &lt;url&gt; &lt;- &lt;unix_ts&gt;: &lt;payload&gt;       a frame sent
 *   &lt;unix_ts&gt;: &lt;payload&gt;                 a frame received
 *   &lt;url&gt; -&gt; &lt;unix_ts&gt;: &lt;body&gt;          a REST GET and its response body
 * </pre>
 *
 * {@code unix_ts} is seconds with microseconds. Frames holding a line break are written with it replaced
 * by a space (JSON allows that outside strings; venues send none inside). Capturing is a diagnostic mode:
 * it copies each frame and takes a lock per line, so it costs feed-thread time; write errors are logged
 * once and capturing stops, the feed never fails because of it.
 */
public final class FrameCapture implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(FrameCapture.class);
    private static final byte[] OPENED = " <-> ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SENT = " <- ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REST = " -> ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEPARATOR = ": ".getBytes(StandardCharsets.US_ASCII);

    private final File file;
    private final OutputStream out;
    private final EpochNanoClock clock;
    private byte[] scratch = new byte[64 * 1024];
    private boolean failed;
    private long lines;

    public FrameCapture(final File file, final EpochNanoClock clock) throws IOException
    {
        final File parent = file.getAbsoluteFile().getParentFile();
        if (parent != null && !parent.isDirectory() && !parent.mkdirs())
        {
            throw new IOException("cannot create directory " + parent);
        }
        this.file = file;
        this.out = new BufferedOutputStream(new FileOutputStream(file, true), 1 << 16);
        this.clock = clock;
    }

    public synchronized void connected(final String url)
    {
        write(url, OPENED, null, null, 0, false);
    }

    public synchronized void sent(final String url, final String payload)
    {
        final byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        write(url, SENT, bytes, null, bytes.length, true);
    }

    public synchronized void received(final DirectBuffer frame, final int length)
    {
        write(null, null, null, frame, length, true);
    }

    public synchronized void restResponse(final String url, final byte[] body)
    {
        write(url, REST, body, null, body.length, true);
    }

    /** Lines written so far. */
    public synchronized long lines()
    {
        return lines;
    }

    public File file()
    {
        return file;
    }

    private void write(
        final String url, final byte[] arrow, final byte[] bytes, final DirectBuffer frame, final int length,
        final boolean payload)
    {
        if (failed)
        {
            return;
        }
        try
        {
            if (url != null)
            {
                out.write(url.getBytes(StandardCharsets.UTF_8));
                out.write(arrow);
            }
            out.write(timestamp(clock.nanoTime()).getBytes(StandardCharsets.US_ASCII));
            if (payload)
            {
                out.write(SEPARATOR);
                if (scratch.length < length)
                {
                    scratch = new byte[Math.max(length, scratch.length * 2)];
                }
                if (frame != null)
                {
                    frame.getBytes(0, scratch, 0, length);
                }
                else
                {
                    System.arraycopy(bytes, 0, scratch, 0, length);
                }
                for (int i = 0; i < length; i++)
                {
                    if (scratch[i] == '\n' || scratch[i] == '\r')
                    {
                        scratch[i] = ' ';
                    }
                }
                out.write(scratch, 0, length);
            }
            out.write('\n');
            lines++;
        }
        catch (final IOException ex)
        {
            failed = true;
            LOG.error("capture to {} stopped: {}", file, ex.toString());
        }
    }

    static String timestamp(final long epochNs)
    {
        final long micros = epochNs / 1_000;
        final String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
        return micros / 1_000_000 + "." + fraction;
    }

    @Override
    public synchronized void close()
    {
        try
        {
            out.close();
        }
        catch (final IOException ex)
        {
            LOG.error("capture to {} not closed cleanly: {}", file, ex.toString());
        }
    }
}
