package io.fathom.tools.replay;

import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.json.JsonWriter;
import io.fathom.engine.book.BookSide;
import io.fathom.engine.book.OrderBook;

import java.io.PrintWriter;

/** Prints the answer of a {@link BookAtQuery}: the levels as text, one JSON object, or CSV rows. */
final class BookPrinter
{
    private final PrintWriter out;
    private final ReplayFormat format;
    private final int depth;

    BookPrinter(final PrintWriter out, final ReplayFormat format, final int depth)
    {
        this.out = out;
        this.format = format;
        this.depth = depth;
    }

    void print(final BookAtQuery query, final String symbol)
    {
        final JournalWalker.Instrument instrument = query.instrument();
        final OrderBook book = query.book();
        final String at = IsoTime.format(query.atEpochNs());
        final String name = instrument == null ? symbol : instrument.key();
        switch (format)
        {
            case JSONL:
                json(query, instrument, book, at);
                break;
            case CSV:
                out.println(RecordPrinter.CSV_HEADER);
                if (book != null)
                {
                    csv(instrument, book, at, book.bids(), "bid");
                    csv(instrument, book, at, book.asks(), "ask");
                }
                break;
            default:
                text(query, instrument, book, at, name);
        }
    }

    private void text(
        final BookAtQuery query, final JournalWalker.Instrument instrument, final OrderBook book, final String at, final String name)
    {
        if (book == null)
        {
            out.printf("book %s at %s: no valid book: %s%n", name, at, query.invalidWhy());
            return;
        }
        out.printf("book %s at %s: update id %d, from the %s snapshot at %s and %d deltas after it%s%n", name, at,
            book.updateId(), query.basis(), IsoTime.format(query.basisEpochNs()), query.deltasApplied(),
            query.deltasApplied() == 0 ? "" : " (last received " + IsoTime.format(query.lastDeltaEpochNs()) + ")");
        out.printf("  %d bid levels, %d ask levels%s%n", book.bids().size(), book.asks().size(),
            depth < Math.max(book.bids().size(), book.asks().size()) ? ", best " + depth + " shown" : "");
        out.printf("  %20s %20s | %-20s %-20s%n", "bid qty", "bid price", "ask price", "ask qty");
        final int rows = Math.min(depth, Math.max(book.bids().size(), book.asks().size()));
        for (int i = 0; i < rows; i++)
        {
            final boolean bid = i < book.bids().size();
            final boolean ask = i < book.asks().size();
            out.printf("  %20s %20s | %-20s %-20s%n",
                bid ? FixedPoint.format(book.bids().quantity(i), instrument.quantityScale()) : "",
                bid ? FixedPoint.format(book.bids().price(i), instrument.priceScale()) : "",
                ask ? FixedPoint.format(book.asks().price(i), instrument.priceScale()) : "",
                ask ? FixedPoint.format(book.asks().quantity(i), instrument.quantityScale()) : "");
        }
    }

    private void json(final BookAtQuery query, final JournalWalker.Instrument instrument, final OrderBook book, final String at)
    {
        final JsonWriter json = new JsonWriter().beginObject().field("type", "book").field("time", at)
            .field("venue", instrument == null ? null : instrument.venue())
            .field("symbol", instrument == null ? null : instrument.symbol())
            .field("valid", book != null);
        if (book == null)
        {
            out.println(json.field("why", query.invalidWhy()).endObject());
            return;
        }
        json.field("update_id", book.updateId())
            .field("basis", query.basis()).field("basis_time", IsoTime.format(query.basisEpochNs()))
            .field("deltas_applied", query.deltasApplied())
            .field("last_delta_time", query.deltasApplied() == 0 ? null : IsoTime.format(query.lastDeltaEpochNs()))
            .field("bid_levels", book.bids().size()).field("ask_levels", book.asks().size());
        side(json.name("bids"), book.bids(), instrument);
        side(json.name("asks"), book.asks(), instrument);
        out.println(json.endObject());
    }

    private void side(final JsonWriter json, final BookSide side, final JournalWalker.Instrument instrument)
    {
        json.beginArray();
        for (int i = 0, n = Math.min(depth, side.size()); i < n; i++)
        {
            json.beginArray().value(FixedPoint.format(side.price(i), instrument.priceScale()))
                .value(FixedPoint.format(side.quantity(i), instrument.quantityScale())).endArray();
        }
        json.endArray();
    }

    private void csv(
        final JournalWalker.Instrument instrument, final OrderBook book, final String at, final BookSide side, final String name)
    {
        for (int i = 0, n = Math.min(depth, side.size()); i < n; i++)
        {
            out.printf("%s,%s,%s,book,%d,%d,%s,%s,%s%n", at, instrument.venue(), instrument.symbol(), book.updateId(),
                book.updateId(), name, FixedPoint.format(side.price(i), instrument.priceScale()),
                FixedPoint.format(side.quantity(i), instrument.quantityScale()));
        }
    }
}
