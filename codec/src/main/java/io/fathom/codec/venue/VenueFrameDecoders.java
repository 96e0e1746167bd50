package io.fathom.codec.venue;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.binance.BinanceDepthDecoder;
import io.fathom.codec.bitget.BitgetBooksDecoder;
import io.fathom.codec.coinbase.CoinbaseLevel2Decoder;
import io.fathom.codec.hyperliquid.HyperliquidL2BookDecoder;
import io.fathom.codec.instrument.ScaleCatalogue;
import io.fathom.codec.json.JsonDepthDecoder;
import io.fathom.codec.kraken.KrakenBookDecoder;
import io.fathom.codec.kraken.KrakenV1BookDecoder;
import io.fathom.codec.okx.OkxBooksDecoder;
import org.agrona.DirectBuffer;

/** The {@link FrameDecoder} of each venue: thin adapters over the venue decoders. */
final class VenueFrameDecoders
{
    private VenueFrameDecoders()
    {
    }

    static FrameDecoder create(final Venue venue, final ScaleCatalogue catalogue)
    {
        switch (venue)
        {
            case BINANCE:
            case BINANCE_USDM:
            case BINANCE_COINM:
                return new Binance(new BinanceDepthDecoder(catalogue));
            case KRAKEN:
                return json(new KrakenBookDecoder(catalogue));
            case KRAKEN_V1:
                return json(new KrakenV1BookDecoder(catalogue));
            case OKX:
                return json(new OkxBooksDecoder(catalogue));
            case BITGET:
                final BitgetBooksDecoder bitget = new BitgetBooksDecoder(catalogue);
                return new Simple(bitget::decode, bitget::errorOffset);
            case COINBASE:
                return new Coinbase(new CoinbaseLevel2Decoder(catalogue));
            case HYPERLIQUID:
                return json(new HyperliquidL2BookDecoder(catalogue));
            default:
                throw new IllegalArgumentException("no decoder for venue " + venue);
        }
    }

    private static FrameDecoder json(final JsonDepthDecoder decoder)
    {
        return new Simple(decoder::decode, decoder::errorOffset);
    }

    private static final class Binance implements FrameDecoder
    {
        private final BinanceDepthDecoder decoder;

        Binance(final BinanceDepthDecoder decoder)
        {
            this.decoder = decoder;
        }

        @Override
        public DecodeResult decodeFrame(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
        {
            return decoder.decodeStreamFrame(buffer, offset, length, out);
        }

        @Override
        public DecodeResult decodeSnapshot(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
        {
            return decoder.decodeSnapshot(buffer, offset, length, out);
        }

        @Override
        public DecodeResult decodeSnapshot(
            final DirectBuffer buffer,
            final int offset,
            final int length,
            final DepthMessage out,
            final int priceScale,
            final int quantityScale)
        {
            return decoder.decodeSnapshot(buffer, offset, length, out, priceScale, quantityScale);
        }

        @Override
        public int errorOffset()
        {
            return decoder.errorOffset();
        }
    }

    /** The decode and the error offset of a decoder with one message a frame and no REST snapshot. */
    private static final class Simple implements FrameDecoder
    {
        interface Decode
        {
            DecodeResult decode(DirectBuffer buffer, int offset, int length, DepthMessage out);
        }

        private final Decode decode;
        private final java.util.function.IntSupplier errorOffset;

        Simple(final Decode decode, final java.util.function.IntSupplier errorOffset)
        {
            this.decode = decode;
            this.errorOffset = errorOffset;
        }

        @Override
        public DecodeResult decodeFrame(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
        {
            return decode.decode(buffer, offset, length, out);
        }

        @Override
        public int errorOffset()
        {
            return errorOffset.getAsInt();
        }
    }

    private static final class Coinbase implements FrameDecoder
    {
        private final CoinbaseLevel2Decoder decoder;

        Coinbase(final CoinbaseLevel2Decoder decoder)
        {
            this.decoder = decoder;
        }

        @Override
        public DecodeResult decodeFrame(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
        {
            return decoder.decode(buffer, offset, length, out);
        }

        @Override
        public int messageCount()
        {
            return Math.max(1, decoder.eventCount());
        }

        @Override
        public DecodeResult decodeMessage(final int index, final DepthMessage out)
        {
            return decoder.decodeEvent(index, out);
        }

        @Override
        public long connectionSequence()
        {
            return decoder.sequenceNumber();
        }

        @Override
        public int errorOffset()
        {
            return decoder.errorOffset();
        }
    }
}
