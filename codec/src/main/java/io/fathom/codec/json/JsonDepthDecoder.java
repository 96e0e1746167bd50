package io.fathom.codec.json;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.instrument.ScaleCatalogue;
import org.agrona.DirectBuffer;

/**
 * What every JSON venue decoder does around its own frame grammar: reset the target message, scan
 * the frame, turn a failed scan into the scanner's error, never leave a half-filled message behind,
 * and remember where an error was found. Subclasses implement {@link #decodeFrame()}; nothing here
 * allocates.
 */
public abstract class JsonDepthDecoder
{
    /** The scales of each instrument; levels are read at {@code out.priceScale()}/{@code out.quantityScale()}. */
    protected final ScaleCatalogue catalogue;
    protected final JsonScanner scanner = new JsonScanner();
    /** The message being filled, during {@link #decodeFrame()} only. */
    protected DepthMessage out;
    /** Where the current frame starts in its buffer. */
    protected int frameOffset;
    private int errorOffset = -1;

    /**
     * @param priceScale    decimals of the price mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     * @param quantityScale decimals of the quantity mantissas produced, 0..{@link FixedPoint#MAX_SCALE}.
     */
    protected JsonDepthDecoder(final int priceScale, final int quantityScale)
    {
        this(ScaleCatalogue.uniform(priceScale, quantityScale));
    }

    /**
     * @param catalogue each instrument's scales, resolved when the decoder sets the message's symbol.
     */
    protected JsonDepthDecoder(final ScaleCatalogue catalogue)
    {
        this.catalogue = catalogue;
    }

    /**
     * Decodes one WebSocket text frame.
     *
     * @return {@link DecodeResult#DEPTH}, {@link DecodeResult#IGNORED} for any other well-formed frame, or
     * an error ({@link DecodeResult#FRAME_TOO_LARGE} beyond {@link JsonScanner#MAX_FRAME_LENGTH}); {@code out}
     * is reset unless the result is {@code DEPTH}.
     */
    public final DecodeResult decode(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
    {
        out.reset();
        out.scales(catalogue);
        this.out = out;
        this.frameOffset = offset;
        if (decodeUsualShape(buffer, offset, length))
        {
            errorOffset = -1;
            this.out = null;
            return DecodeResult.DEPTH;
        }
        out.reset();
        out.scales(catalogue);
        scanner.wrap(buffer, offset, length);
        onFrameStart();

        DecodeResult result = scanner.checkFrameLength() ? decodeFrame() : null;
        if (null == result)
        {
            final DecodeResult error = scanner.error();
            result = null != error ? error : resultWithoutScanError();
        }
        if (DecodeResult.DEPTH != result)
        {
            out.reset();
        }
        errorOffset = result.isError() ? scanner.errorPosition() - offset : -1;
        this.out = null;
        return result;
    }

    /** @return where the last decode's error was detected, relative to its {@code offset}, or -1. */
    public final int errorOffset()
    {
        return errorOffset;
    }

    /**
     * Decodes the frame into {@link #out} in one pass when it is in the venue's usual shape, before the
     * general {@link #decodeFrame()}; what it decodes, the general path must decode to the same message.
     *
     * @return false to leave the frame to {@link #decodeFrame()}; {@link #out} may then hold part of the frame, and
     * is reset and scaled again before the general path reads it.
     */
    protected boolean decodeUsualShape(final DirectBuffer buffer, final int offset, final int length)
    {
        return false;
    }

    /** Resets per-frame state of the subclass before {@link #decodeFrame()}. */
    protected void onFrameStart()
    {
    }

    /**
     * Decodes the frame the scanner is wrapped around into {@link #out}.
     *
     * @return the result, or null when the scan failed (the scanner then holds the error).
     */
    protected abstract DecodeResult decodeFrame();

    /** The result of a failed {@link #decodeFrame()} that recorded no scanner error. */
    protected DecodeResult resultWithoutScanError()
    {
        return DecodeResult.MALFORMED_JSON;
    }
}
