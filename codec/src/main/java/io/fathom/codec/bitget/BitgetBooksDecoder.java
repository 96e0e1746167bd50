package io.fathom.codec.bitget;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.instrument.ScaleCatalogue;
import io.fathom.codec.okx.OkxBooksDecoder;
import org.agrona.DirectBuffer;

/**
 * Decodes Bitget v1 {@code books} pushes (spot {@code sp} and futures {@code mc}) into a {@link DepthMessage}
 * without allocating.
 *
 * <pre>
 *   {"action":"snapshot"|"update","arg":{"instType":"sp","channel":"books","instId":"BTCUSDT"},
 *    "data":[{"asks":[["px","sz"],...],"bids":[...],"checksum":int,"ts":"ms"}]}
 * </pre>
 *
 * The wire shape, the {@code snapshot}/{@code update} actions and the signed CRC-32 checksum are OKX's,
 * so this delegates to {@link OkxBooksDecoder}; Bitget sends no sequence ids, so the update ids stay
 * {@link DepthMessage#NO_ID} and the checksum is the book's only integrity check. Format:
 * https://bitgetlimited.github.io/apidoc/en/spot/#depth-channel. Not thread-safe: one instance per feed
 * thread.
 */
public final class BitgetBooksDecoder
{
    private final OkxBooksDecoder decoder;

    /**
     * @param priceScale    decimals of the price mantissas produced.
     * @param quantityScale decimals of the quantity mantissas produced.
     */
    public BitgetBooksDecoder(final int priceScale, final int quantityScale)
    {
        this(ScaleCatalogue.uniform(priceScale, quantityScale));
    }

    /** @param catalogue each instrument's scales, applied to its levels once its symbol is read. */
    public BitgetBooksDecoder(final ScaleCatalogue catalogue)
    {
        decoder = new OkxBooksDecoder(catalogue);
    }

    /**
     * Decodes one WebSocket text frame.
     *
     * @return {@link DecodeResult#DEPTH}, {@link DecodeResult#IGNORED} for any other well-formed frame
     * (events, {@code pong}, other channels), or an error; {@code out} is reset unless the result is
     * {@code DEPTH}.
     */
    public DecodeResult decode(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
    {
        return decoder.decode(buffer, offset, length, out);
    }

    /** @return where the last decode's error was detected, relative to its {@code offset}, or -1. */
    public int errorOffset()
    {
        return decoder.errorOffset();
    }
}
