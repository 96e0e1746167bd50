package io.fathom.tools.cli;

import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.json.JsonWriter;
import io.fathom.engine.Engine;
import io.fathom.engine.book.BookSide;
import io.fathom.engine.book.OrderBook;
import io.fathom.engine.book.SyncState;
import io.fathom.engine.subscribe.SubscribedBook;
import io.fathom.engine.view.BookView;
import io.fathom.engine.view.TopOfBook;

import java.util.List;
import java.util.function.Function;

/**
 * The {@code instruments} array of a summary, as {@code check} writes it, so that the books of an engine, a
 * subscriber and a recording compare book by book: per instrument {@code symbol}, {@code valid}, {@code best_bid},
 * {@code best_bid_qty}, {@code best_ask}, {@code best_ask_qty} (decimals, null when absent or not valid) and
 * {@code update_id}.
 */
public final class InstrumentsJson
{
    private InstrumentsJson()
    {
    }

    /** An engine's final books; valid after its shutdown. */
    public static void ofEngine(final JsonWriter json, final Engine engine)
    {
        json.name("instruments").beginArray();
        for (int id = 0; id < engine.bookCount(); id++)
        {
            final OrderBook book = engine.bookHandler().book(id);
            final boolean valid = engine.bookHandler().state(id) == SyncState.LIVE;
            json.beginObject().field("symbol", engine.instruments().symbol(id).toUpperCase(java.util.Locale.ROOT)).field("valid", valid);
            side(json, "best_bid", valid ? book.bids() : null, book.priceScale(), book.quantityScale());
            side(json, "best_ask", valid ? book.asks() : null, book.priceScale(), book.quantityScale());
            json.field("update_id", book.updateId()).field("venue", engine.instruments().venue(id)).endObject();
        }
        json.endArray();
    }

    /**
     * Books read from views, in the order of {@code books}, each with its {@code venue} (null when the stream names
     * none); a book without a view is not valid.
     */
    public static void ofViews(final JsonWriter json, final List<SubscribedBook> books, final Function<SubscribedBook, BookView> views)
    {
        final TopOfBook top = new TopOfBook();
        json.name("instruments").beginArray();
        for (final SubscribedBook book : books)
        {
            entry(json, book, views.apply(book), top);
        }
        json.endArray();
    }

    /** One book's entry read from its view (null: not known, so not valid), through a reused holder, with its venue. */
    public static JsonWriter entry(final JsonWriter json, final SubscribedBook book, final BookView view, final TopOfBook top)
    {
        return fields(json, book.symbol(), view, top).field("venue", book.venue().isEmpty() ? null : book.venue()).endObject();
    }

    private static JsonWriter fields(final JsonWriter json, final String symbol, final BookView view, final TopOfBook top)
    {
        final boolean valid = view != null && view.read(top);
        json.beginObject().field("symbol", symbol).field("valid", valid);
        decimal(json.name("best_bid"), valid && top.hasBid(), top.bidPriceMantissa(), top.priceScale());
        decimal(json.name("best_bid_qty"), valid && top.hasBid(), top.bidQuantityMantissa(), top.quantityScale());
        decimal(json.name("best_ask"), valid && top.hasAsk(), top.askPriceMantissa(), top.priceScale());
        decimal(json.name("best_ask_qty"), valid && top.hasAsk(), top.askQuantityMantissa(), top.quantityScale());
        return json.field("update_id", view == null ? -1 : top.updateId());
    }

    private static void side(final JsonWriter json, final String name, final BookSide side, final int priceScale, final int quantityScale)
    {
        final boolean present = side != null && side.size() > 0;
        decimal(json.name(name), present, present ? side.price(0) : 0, priceScale);
        decimal(json.name(name + "_qty"), present, present ? side.quantity(0) : 0, quantityScale);
    }

    private static void decimal(final JsonWriter json, final boolean present, final long mantissa, final int scale)
    {
        if (present)
        {
            json.rawNumber(FixedPoint.format(mantissa, scale));
        }
        else
        {
            json.value((String)null);
        }
    }
}
