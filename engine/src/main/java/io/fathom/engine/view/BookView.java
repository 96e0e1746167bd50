package io.fathom.engine.view;

import static io.fathom.engine.view.ViewSlab.ASK_PRICE;
import static io.fathom.engine.view.ViewSlab.ASK_QUANTITY;
import static io.fathom.engine.view.ViewSlab.BID_PRICE;
import static io.fathom.engine.view.ViewSlab.BID_QUANTITY;
import static io.fathom.engine.view.ViewSlab.EPOCH_NS;
import static io.fathom.engine.view.ViewSlab.LEVELS;
import static io.fathom.engine.view.ViewSlab.LEVEL_WORDS;
import static io.fathom.engine.view.ViewSlab.META;
import static io.fathom.engine.view.ViewSlab.UPDATE_ID;

/**
 * One instrument's book as the book handler last published it, readable from any thread without locks and
 * without allocating: each read copies one consistent moment of the book into a caller-owned holder.
 *
 * <p>Readers and the writer never wait for each other: the view keeps the last two publishes, a read copies
 * the newer, and retries only in the rare case that it took longer than a whole publish. A read returns false, with {@link BookCopy#invalidReason()}
 * saying why, while the book is not valid (not yet synced, invalidated until its next sync, or the engine
 * closed); compare {@link BookCopy#lastChangeEpochNs()} with the time now to see how fresh a valid copy is.
 */
public final class BookView
{
    private final int instrumentId;
    private final String symbol;
    private final int priceScale;
    private final int quantityScale;
    private final int depth;
    final long[] words;
    final int bufferWords;

    BookView(final int instrumentId, final String symbol, final ViewSettings settings)
    {
        this.instrumentId = instrumentId;
        this.symbol = symbol;
        this.priceScale = settings.priceScale();
        this.quantityScale = settings.quantityScale();
        this.depth = settings.depth();
        this.words = ViewSlab.allocate(depth);
        this.bufferWords = ViewSlab.bufferWords(depth);
    }

    public int instrumentId()
    {
        return instrumentId;
    }

    public String symbol()
    {
        return symbol;
    }

    /** Decimals of the price mantissas. */
    public int priceScale()
    {
        return priceScale;
    }

    /** Decimals of the quantity mantissas. */
    public int quantityScale()
    {
        return quantityScale;
    }

    /** The most levels a side this view publishes. */
    public int depth()
    {
        return depth;
    }

    /**
     * Copies the best bid and ask of one moment of the book, with its validity, update id and time.
     *
     * @return whether the book was valid; when not, {@code top} holds no levels but says why and since when.
     */
    public boolean read(final TopOfBook top)
    {
        final long[] words = this.words;
        long sequence;
        long updateId;
        long epochNs;
        long meta;
        long bidPrice;
        long bidQuantity;
        long askPrice;
        long askQuantity;
        do
        {
            sequence = ViewSlab.beginRead(words);
            final int buffer = ViewSlab.readBuffer(sequence, bufferWords);
            updateId = words[buffer + UPDATE_ID];
            epochNs = words[buffer + EPOCH_NS];
            meta = words[buffer + META];
            bidPrice = words[buffer + LEVELS + BID_PRICE];
            bidQuantity = words[buffer + LEVELS + BID_QUANTITY];
            askPrice = words[buffer + LEVELS + ASK_PRICE];
            askQuantity = words[buffer + LEVELS + ASK_QUANTITY];
        }
        while (!ViewSlab.validate(words, sequence));

        top.copyHeader(this, meta, updateId, epochNs);
        final boolean hasBid = ViewSlab.bidCount(meta) > 0;
        final boolean hasAsk = ViewSlab.askCount(meta) > 0;
        top.hasBid = hasBid;
        top.hasAsk = hasAsk;
        top.bidPriceMantissa = hasBid ? bidPrice : 0;
        top.bidQuantityMantissa = hasBid ? bidQuantity : 0;
        top.askPriceMantissa = hasAsk ? askPrice : 0;
        top.askQuantityMantissa = hasAsk ? askQuantity : 0;
        return top.valid;
    }

    /**
     * Copies up to {@code depth} best levels a side (no more than {@link #depth()}) of one moment of the book,
     * with its validity, update id and time.
     *
     * @param depth 0..{@link BookLevels#capacity()}.
     * @return whether the book was valid; when not, {@code levels} holds no levels but says why and since when.
     */
    public boolean read(final BookLevels levels, final int depth)
    {
        if (depth < 0 || depth > levels.capacity())
        {
            throw new IllegalArgumentException("depth must be 0.." + levels.capacity() + " (got " + depth + ")");
        }
        final int copied = Math.min(depth, this.depth);
        final long[] words = this.words;
        final long[] bidPrices = levels.bidPrices;
        final long[] bidQuantities = levels.bidQuantities;
        final long[] askPrices = levels.askPrices;
        final long[] askQuantities = levels.askQuantities;
        long sequence;
        long updateId;
        long epochNs;
        long meta;
        do
        {
            sequence = ViewSlab.beginRead(words);
            final int buffer = ViewSlab.readBuffer(sequence, bufferWords);
            updateId = words[buffer + UPDATE_ID];
            epochNs = words[buffer + EPOCH_NS];
            meta = words[buffer + META];
            for (int i = 0, index = buffer + LEVELS; i < copied; i++, index += LEVEL_WORDS)
            {
                bidPrices[i] = words[index + BID_PRICE];
                bidQuantities[i] = words[index + BID_QUANTITY];
                askPrices[i] = words[index + ASK_PRICE];
                askQuantities[i] = words[index + ASK_QUANTITY];
            }
        }
        while (!ViewSlab.validate(words, sequence));

        levels.copyHeader(this, meta, updateId, epochNs);
        levels.bidCount = Math.min(ViewSlab.bidCount(meta), copied);
        levels.askCount = Math.min(ViewSlab.askCount(meta), copied);
        return levels.valid;
    }

    @Override
    public String toString()
    {
        return "BookView{" + symbol + ", id=" + instrumentId + ", depth=" + depth + "}";
    }
}
