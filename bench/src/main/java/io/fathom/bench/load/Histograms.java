package io.fathom.bench.load;

import org.HdrHistogram.Histogram;

import java.io.DataInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

/** Histograms as they travel between the harness and a design's process. */
final class Histograms
{
    private Histograms()
    {
    }

    static Histogram empty()
    {
        return new Histogram(LoadClient.HIGHEST_TRACKABLE_NS, 3);
    }

    /** HdrHistogram's compressed encoding in Base64. */
    static String encode(final Histogram histogram)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        final int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        final byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Histogram decode(final String base64)
    {
        try
        {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        }
        catch (final DataFormatException ex)
        {
            throw new IllegalArgumentException("not an encoded histogram", ex);
        }
    }

    /** Records a file of little-endian 64-bit nanosecond values, as the Python baseline writes them. */
    static Histogram fromRawNs(final File file) throws IOException
    {
        final Histogram histogram = empty();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(file), 1 << 16)))
        {
            while (true)
            {
                final long value;
                try
                {
                    value = Long.reverseBytes(in.readLong());
                }
                catch (final EOFException ex)
                {
                    break;
                }
                histogram.recordValue(LoadClient.clamp(value));
            }
        }
        return histogram;
    }
}
