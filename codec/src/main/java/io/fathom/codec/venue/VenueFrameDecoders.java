package io.fathom.codec.venue;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.binance.BinanceDepthDecoder;
import io.fathom.codec.bitget.BitgetBooksDecoder;
import io.fathom.codec.coinbase.CoinbaseLevel2Decoder;
import io.fathom.codec.hyperliquid.HyperliquidL2BookDecoder;
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

    static FrameDecoder create(final Venue venue, final int priceScale, final int quantityScale)
    {
        switch (venue)
        {
            case BINANCE:
            case BINANCE_USDM:
            case BINANCE_COINM:
                return new Binance(new BinanceDepthDecoder(priceScale, quantityScale));
            case KRAKEN:
                return new Json(new KrakenBookDecoder(priceScale, quantityScale));
            case KRAKEN_V1:
                return new Json(new KrakenV1BookDecoder(priceScale, quantityScale));
            case OKX:
                return new Json(new OkxBooksDecoder(priceScale, quantityScale));
            case BITGET:
                return new Bitget(new BitgetBooksDecoder(priceScale, quantityScale));
            case COINBASE:
                return new Coinbase(new CoinbaseLevel2Decoder(priceScale, quantityScale));
            case HYPERLIQUID:
                return new Json(new HyperliquidL2BookDecoder(priceScale, quantityScale));
            default:
                throw new IllegalArgumentException("no decoder for venue " + venue);
        }
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
        public int errorOffset()
        {
            return decoder.errorOffset();
        }
    }

    private static final class Json implements FrameDecoder
    {
        private final JsonDepthDecoder decoder;

        Json(final JsonDepthDecoder decoder)
        {
            this.decoder = decoder;
        }

        @Override
        public DecodeResult decodeFrame(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
        {
            return decoder.decode(buffer, offset, length, out);
        }

        @Override
        public int errorOffset()
        {
            return decoder.errorOffset();
        }
    }

    private static final class Bitget implements FrameDecoder
    {
        private final BitgetBooksDecoder decoder;

        Bitget(final BitgetBooksDecoder decoder)
        {
            this.decoder = decoder;
        }

        @Override
        public DecodeResult decodeFrame(final DirectBuffer buffer, final int offset, final int length, final DepthMessage out)
        {
            return decoder.decode(buffer, offset, length, out);
        }

        @Override
        public int errorOffset()
        {
            return decoder.errorOffset();
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
