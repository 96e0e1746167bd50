package io.fathom.tools.check;

import io.fathom.codec.Venue;
import io.fathom.codec.decimal.FixedPoint;
import io.fathom.codec.json.JsonWriter;

import java.io.PrintStream;
import java.util.List;

/** The outcome of checking one recording: per instrument and in total, as text and as the summary JSON. */
public final class CheckReport
{
    private final Venue venue;
    private final int depth;
    private final int priceScale;
    private final int quantityScale;
    private final List<InstrumentCheck> instruments;
    private final boolean hasTopOfBook;
    private final long decodeErrors;
    private final long unknownInstruments;
    private final long connectionGaps;
    private final List<String> problems;

    CheckReport(
        final Venue venue,
        final int depth,
        final int priceScale,
        final int quantityScale,
        final List<InstrumentCheck> instruments,
        final boolean hasTopOfBook,
        final long decodeErrors,
        final long unknownInstruments,
        final long connectionGaps,
        final List<String> problems)
    {
        this.venue = venue;
        this.depth = depth;
        this.priceScale = priceScale;
        this.quantityScale = quantityScale;
        this.instruments = instruments;
        this.hasTopOfBook = hasTopOfBook;
        this.decodeErrors = decodeErrors;
        this.unknownInstruments = unknownInstruments;
        this.connectionGaps = connectionGaps;
        this.problems = problems;
    }

    /** Gaps of a connection-wide sequence (Coinbase), counted in {@link #gaps()} but not per instrument. */
    public long connectionGaps()
    {
        return connectionGaps;
    }

    /**
     * True when no checksum mismatched, no sequence gapped, no book crossed, no top of book differed, every
     * frame decoded and every book synced at least once.
     */
    public boolean passed()
    {
        return checksumMismatch() == 0 && gaps() == 0 && crossed() == 0 && topOfBookMismatch() == 0 && decodeErrors == 0 &&
            neverSynced() == 0;
    }

    /**
     * Instruments subscribed to or with depth messages whose book never became valid: nothing about them
     * was verified.
     */
    public long neverSynced()
    {
        return instruments.stream().filter(i -> !i.everValid).count();
    }

    public long messages()
    {
        return instruments.stream().mapToLong(i -> i.messages).sum();
    }

    public long checksumOk()
    {
        return instruments.stream().mapToLong(i -> i.checksumOk).sum();
    }

    public long checksumMismatch()
    {
        return instruments.stream().mapToLong(i -> i.checksumMismatch).sum();
    }

    public long checksumUnverified()
    {
        return instruments.stream().mapToLong(i -> i.checksumUnverified).sum();
    }

    public long gaps()
    {
        return instruments.stream().mapToLong(i -> i.gaps).sum() + connectionGaps;
    }

    public long crossed()
    {
        return instruments.stream().mapToLong(i -> i.crossed).sum();
    }

    /** Checksums verified on resynced books after their last resync. */
    public long checksumOkAfterResync()
    {
        return instruments.stream().mapToLong(i -> i.checksumOkAfterResync).sum();
    }

    public long resyncs()
    {
        return instruments.stream().mapToLong(i -> i.resyncs).sum();
    }

    public long topOfBookOk()
    {
        return instruments.stream().mapToLong(i -> i.topOfBookOk).sum();
    }

    public long topOfBookMismatch()
    {
        return instruments.stream().mapToLong(i -> i.topOfBookMismatch).sum();
    }

    public long decodeErrors()
    {
        return decodeErrors;
    }

    /** The symbols checked, in the report's order. */
    public List<String> symbols()
    {
        return instruments.stream().map(i -> i.symbol).toList();
    }

    public List<String> problems()
    {
        return problems;
    }

    /** Per-instrument lines, the problems found (at most {@code maxProblems}), and the totals. */
    public void print(final PrintStream out, final int maxProblems)
    {
        out.printf("venue %s%s, scales %d/%d%n", venue,
            venue == Venue.KRAKEN || venue == Venue.KRAKEN_V1 ? ", depth " + depth : "", priceScale, quantityScale);
        out.printf("%-16s %9s %9s %9s %9s %5s %7s %7s %9s  %s%n", "instrument", "messages", "cksum_ok", "mismatch",
            "unverif", "gaps", "crossed", "resyncs", "tob_ok", "best bid / best ask");
        for (final InstrumentCheck i : instruments)
        {
            out.printf("%-16s %9d %9d %9d %9d %5d %7d %7d %9s  %s%n", i.symbol, i.messages, i.checksumOk,
                i.checksumMismatch, i.checksumUnverified, i.gaps, i.crossed, i.resyncs,
                hasTopOfBook ? i.topOfBookOk + (i.topOfBookMismatch > 0 ? "!" + i.topOfBookMismatch : "") : "-",
                top(i));
        }
        final int shown = Math.min(maxProblems, problems.size());
        for (int p = 0; p < shown; p++)
        {
            out.println("  " + problems.get(p));
        }
        if (problems.size() > shown)
        {
            out.printf("  ... and %d more%n", problems.size() - shown);
        }
        out.printf("total: %d messages, checksums %d ok / %d mismatched / %d unverified, %d gaps, %d crossed, " +
            "%d resyncs%s, %d decode errors, %d unknown instruments, %d never synced: %s%n", messages(), checksumOk(),
            checksumMismatch(), checksumUnverified(), gaps(), crossed(), resyncs(),
            hasTopOfBook ? ", top of book " + topOfBookOk() + " ok / " + topOfBookMismatch() + " mismatched" : "",
            decodeErrors, unknownInstruments, neverSynced(), passed() ? "PASS" : "FAIL");
    }

    private String top(final InstrumentCheck i)
    {
        return (i.hasBid ? FixedPoint.format(i.bestBidPrice, i.priceScale) + " x " +
            FixedPoint.format(i.bestBidQuantity, i.quantityScale) : "-") + " / " +
            (i.hasAsk ? FixedPoint.format(i.bestAskPrice, i.priceScale) + " x " +
            FixedPoint.format(i.bestAskQuantity, i.quantityScale) : "-") + (i.valid ? "" : " (not valid)");
    }

    /** The summary JSON: totals, then an {@code instruments} array with the same fields per instrument. */
    public String toJson()
    {
        final JsonWriter json = new JsonWriter().beginObject()
            .field("venue", venue.id())
            .field("passed", passed())
            .field("messages", messages())
            .field("checksum_ok", checksumOk())
            .field("checksum_mismatch", checksumMismatch())
            .field("checksum_unverified", checksumUnverified())
            .field("gaps", gaps())
            .field("crossed", crossed())
            .field("resyncs", resyncs());
        if (hasTopOfBook)
        {
            json.field("top_of_book_ok", topOfBookOk()).field("top_of_book_mismatch", topOfBookMismatch());
        }
        json.field("decode_errors", decodeErrors).field("unknown_instruments", unknownInstruments)
            .field("never_synced", neverSynced());
        json.name("instruments").beginArray();
        for (final InstrumentCheck i : instruments)
        {
            json.beginObject()
                .field("symbol", i.symbol)
                .field("messages", i.messages)
                .field("checksum_ok", i.checksumOk)
                .field("checksum_mismatch", i.checksumMismatch)
                .field("checksum_unverified", i.checksumUnverified)
                .field("gaps", i.gaps)
                .field("crossed", i.crossed)
                .field("resyncs", i.resyncs);
            if (hasTopOfBook)
            {
                json.field("top_of_book_ok", i.topOfBookOk).field("top_of_book_mismatch", i.topOfBookMismatch);
            }
            json.field("valid", i.valid);
            json.name("best_bid");
            decimal(json, i.hasBid, i.bestBidPrice, i.priceScale);
            json.name("best_bid_qty");
            decimal(json, i.hasBid, i.bestBidQuantity, i.quantityScale);
            json.name("best_ask");
            decimal(json, i.hasAsk, i.bestAskPrice, i.priceScale);
            json.name("best_ask_qty");
            decimal(json, i.hasAsk, i.bestAskQuantity, i.quantityScale);
            json.endObject();
        }
        return json.endArray().endObject().toString();
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
