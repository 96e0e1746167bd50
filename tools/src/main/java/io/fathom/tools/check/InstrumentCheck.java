package io.fathom.tools.check;

/** What {@code fathom check} found for one instrument of a recording. */
final class InstrumentCheck
{
    final String symbol;
    /** The instrument's own decimals, which its best bid and ask are printed with. */
    final int priceScale;
    final int quantityScale;
    long messages;
    long checksumOk;
    long checksumMismatch;
    /** Messages carrying a checksum that arrived while the book was not valid, so nothing was compared. */
    long checksumUnverified;
    long gaps;
    long crossed;
    long resyncs;
    /** Checksums verified after the book's last resync. */
    long checksumOkAfterResync;
    long topOfBookOk;
    long topOfBookMismatch;
    boolean valid;
    long bestBidPrice;
    long bestBidQuantity;
    long bestAskPrice;
    long bestAskQuantity;
    boolean hasBid;
    boolean hasAsk;

    InstrumentCheck(final String symbol, final int priceScale, final int quantityScale)
    {
        this.symbol = symbol;
        this.priceScale = priceScale;
        this.quantityScale = quantityScale;
    }

    /** The book was valid at some point (a first snapshot arrived); counted by the book-state listener. */
    boolean everValid;
}
