package io.fathom.tools.check;

import io.fathom.codec.decimal.FixedPoint;
import io.fathom.engine.book.BookScales;
import io.fathom.engine.book.OrderBook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The venue's own top-of-book stream in a recording (Binance {@code bookTicker}), kept by update id so the
 * rebuilt book's best bid and ask can be compared with it at the same id, whichever came first.
 */
final class BookTickers
{
    private static final Pattern UPDATE_ID = Pattern.compile("\"u\":(\\d+)");
    private static final Pattern SYMBOL = Pattern.compile("\"s\":\"([^\"]+)\"");
    private static final Pattern BID = Pattern.compile("\"b\":\"([0-9.]+)\",\"B\":\"([0-9.]+)\"");
    private static final Pattern ASK = Pattern.compile("\"a\":\"([0-9.]+)\",\"A\":\"([0-9.]+)\"");

    /** {@link #onTicker}: the ticker was kept for the comparison. */
    static final String RECORDED = "recorded";
    /** {@link #onTicker}: the frame lacks one of u, b, B, a, A. */
    static final String MISSING_FIELD = "without u/b/B/a/A";

    /** Best bid price, bid quantity, ask price, ask quantity. */
    record Top(long bidPrice, long bidQuantity, long askPrice, long askQuantity)
    {
        /** The book's best bid and ask, zero for a side that is empty. */
        static Top of(final OrderBook book)
        {
            final boolean hasBid = book.bids().size() > 0;
            final boolean hasAsk = book.asks().size() > 0;
            return new Top(hasBid ? book.bids().price(0) : 0, hasBid ? book.bids().quantity(0) : 0,
                hasAsk ? book.asks().price(0) : 0, hasAsk ? book.asks().quantity(0) : 0);
        }
    }

    private final BookScales scales;
    private final List<Map<Long, Top>> tickers = new ArrayList<>();
    private final List<Map<Long, Top>> rebuilt = new ArrayList<>();

    BookTickers(final int instruments, final BookScales scales)
    {
        this.scales = scales;
        for (int i = 0; i < instruments; i++)
        {
            tickers.add(new HashMap<>());
            rebuilt.add(new HashMap<>());
        }
    }

    static boolean isBookTicker(final String frame)
    {
        return frame.contains("@bookTicker\"");
    }

    /** @return the symbol of a bookTicker frame, or null when it is not one this can read. */
    static String symbol(final String frame)
    {
        final Matcher m = SYMBOL.matcher(frame);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Records a bookTicker frame of an instrument.
     *
     * @return {@link #RECORDED}, {@link #MISSING_FIELD}, or why a value could not be read at the scales
     *         (too many decimals, too large), in which case the ticker is left out of the comparison.
     */
    String onTicker(final int instrumentId, final String frame)
    {
        final Matcher id = UPDATE_ID.matcher(frame);
        final Matcher bid = BID.matcher(frame);
        final Matcher ask = ASK.matcher(frame);
        if (!id.find() || !bid.find() || !ask.find())
        {
            return MISSING_FIELD;
        }
        final int priceScale = scales.priceScale(instrumentId);
        final int quantityScale = scales.quantityScale(instrumentId);
        final Top top;
        try
        {
            top = new Top(
                FixedPoint.parse(bid.group(1), priceScale), FixedPoint.parse(bid.group(2), quantityScale),
                FixedPoint.parse(ask.group(1), priceScale), FixedPoint.parse(ask.group(2), quantityScale));
        }
        catch (final IllegalArgumentException ex)
        {
            return "does not fit the scales: " + ex.getMessage();
        }
        tickers.get(instrumentId).put(Long.parseLong(id.group(1)), top);
        return RECORDED;
    }

    void onBook(final int instrumentId, final long updateId, final Top top)
    {
        rebuilt.get(instrumentId).put(updateId, top);
    }

    boolean any()
    {
        for (final Map<Long, Top> map : tickers)
        {
            if (!map.isEmpty())
            {
                return true;
            }
        }
        return false;
    }

    /** Compares every ticker with the rebuilt book at its update id, where the book reached that id. */
    void compare(final int instrumentId, final InstrumentCheck check, final List<String> mismatches)
    {
        for (final Map.Entry<Long, Top> entry : tickers.get(instrumentId).entrySet())
        {
            final Top book = rebuilt.get(instrumentId).get(entry.getKey());
            if (book == null)
            {
                continue;
            }
            if (book.equals(entry.getValue()))
            {
                check.topOfBookOk++;
            }
            else
            {
                check.topOfBookMismatch++;
                mismatches.add(check.symbol + " at update id " + entry.getKey() + ": book " + book +
                    ", bookTicker " + entry.getValue());
            }
        }
    }
}
