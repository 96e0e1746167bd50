package io.fathom.codec.recording;

import io.fathom.codec.decimal.FixedPoint;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * Streams the records of a cryptofeed-format recording, one line at a time, so that recorded frames
 * can be fed to the same decoders as live ones (the format is described in
 * {@code data/realdata/README.md}).
 *
 * <p>Each line is split on its first {@code ": "}: the head holds an optional url and arrow and a
 * decimal unix timestamp in seconds, parsed exactly to nanoseconds; the rest is the payload, kept
 * byte for byte (the file is read as ISO-8859-1, which maps every byte to one char and back). Blank
 * lines are skipped. Intended for tools and tests: it allocates per line. Not thread-safe.
 */
public final class RecordingReader implements AutoCloseable
{
    private static final int NS_SCALE = 9;

    private final BufferedReader reader;
    private final ExpandableArrayBuffer payload = new ExpandableArrayBuffer(64 * 1024);
    private long lineNumber;
    private RecordType type;
    private String url;
    private long timestampNs;
    private int payloadLength;

    /**
     * @param in the recording's bytes; closed by {@link #close()}.
     */
    public RecordingReader(final InputStream in)
    {
        reader = new BufferedReader(new InputStreamReader(in, ISO_8859_1), 64 * 1024);
    }

    /** Opens a recording file. */
    public static RecordingReader open(final Path path) throws IOException
    {
        return new RecordingReader(Files.newInputStream(path));
    }

    /**
     * Advances to the next record.
     *
     * @return false at the end of the input.
     * @throws IOException when reading fails or a line is not in the recording format, naming the line.
     */
    public boolean next() throws IOException
    {
        String line;
        do
        {
            line = reader.readLine();
            if (null == line)
            {
                return false;
            }
            lineNumber++;
        }
        while (line.isBlank());

        parse(line);
        return true;
    }

    /** The 1-based line number of the current record, for messages. */
    public long lineNumber()
    {
        return lineNumber;
    }

    public RecordType type()
    {
        return type;
    }

    /** The url of an OPEN, SENT or HTTP record; null for RECEIVED. */
    public String url()
    {
        return url;
    }

    /** The recorder's timestamp as nanoseconds since the unix epoch. */
    public long timestampNs()
    {
        return timestampNs;
    }

    /** The current record's payload bytes, from {@link #payloadOffset()}; overwritten by {@link #next()}. */
    public DirectBuffer payload()
    {
        return payload;
    }

    public int payloadOffset()
    {
        return 0;
    }

    /** Payload length in bytes; 0 for OPEN. */
    public int payloadLength()
    {
        return payloadLength;
    }

    /** The payload decoded as UTF-8. */
    public String payloadAsString()
    {
        return new String(payload.byteArray(), 0, payloadLength, StandardCharsets.UTF_8);
    }

    public void close() throws IOException
    {
        reader.close();
    }

    private void parse(final String line) throws IOException
    {
        final int separator = line.indexOf(": ");
        final String head = separator < 0 ? line : line.substring(0, separator);
        final int timestampStart = head.lastIndexOf(' ') + 1;

        if (0 == timestampStart)
        {
            type = RecordType.RECEIVED;
            url = null;
        }
        else
        {
            final int arrowStart = head.lastIndexOf(' ', timestampStart - 2) + 1;
            if (arrowStart <= 1)
            {
                throw malformed("expected <url> <arrow> <timestamp>", line);
            }
            type = arrowType(head.substring(arrowStart, timestampStart - 1), line);
            url = head.substring(0, arrowStart - 1);
        }

        if ((RecordType.OPEN == type) != (separator < 0))
        {
            throw malformed(RecordType.OPEN == type ? "OPEN record with a payload" : "missing \": <payload>\"", line);
        }

        try
        {
            timestampNs = FixedPoint.parse(head.substring(timestampStart), NS_SCALE);
        }
        catch (final IllegalArgumentException ex)
        {
            throw malformed("bad timestamp: " + ex.getMessage(), line);
        }

        payloadLength = 0;
        if (separator >= 0)
        {
            final int start = separator + 2;
            final int length = line.length() - start;
            payload.checkLimit(length);
            final byte[] bytes = payload.byteArray();
            for (int i = 0; i < length; i++)
            {
                bytes[i] = (byte)line.charAt(start + i);
            }
            payloadLength = length;
        }
    }

    private RecordType arrowType(final String arrow, final String line) throws IOException
    {
        switch (arrow)
        {
            case "<->":
                return RecordType.OPEN;
            case "<-":
                return RecordType.SENT;
            case "->":
                return RecordType.HTTP;
            default:
                throw malformed("unknown arrow \"" + arrow + "\"", line);
        }
    }

    private IOException malformed(final String reason, final String line)
    {
        final String excerpt = line.length() > 120 ? line.substring(0, 120) + "..." : line;
        return new IOException("recording line " + lineNumber + ": " + reason + ": " + excerpt);
    }
}
