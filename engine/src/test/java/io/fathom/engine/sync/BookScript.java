package io.fathom.engine.sync;

import io.fathom.codec.DepthMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated book evolutions for the sync properties: what a venue's matching engine does to its book (add a
 * level near the spread, change or remove a resting one, cancel at a price where nothing rests), turned into
 * level changes that never cross the book, on the instrument's tick and lot grid, written with the decimals
 * the venue would put on the wire.
 */
final class BookScript
{
    /** Most ticks a book drifts from its starting price over a script; prices start this far from the limits. */
    private static final long DRIFT_TICKS = 1_000_000;

    enum Kind
    {
        /** A level at {@code position} ticks behind the other side's best (or the own best when that side is empty). */
        INSERT,
        /** The level {@code position} places from the best gets a new quantity. */
        MODIFY,
        /** The level {@code position} places from the best is removed. */
        DELETE,
        /** A removal at a price where nothing rests, as Binance sends them. */
        DELETE_ABSENT
    }

    record Op(Kind kind, byte side, int position, long quantity, int extraPriceDecimals, int extraQuantityDecimals)
    {
    }

    /** One message's operations; {@code idStep} spaces the venue's update ids (OKX seqId, Binance futures). */
    record Batch(List<Op> ops, int idStep)
    {
    }

    /** A change of one level, as the venue writes it. */
    record Change(byte side, VenueBook.Level level)
    {
    }

    /**
     * An instrument: the engine's scales, the venue's price and quantity precision (a tick of
     * {@code 10^(priceScale - pricePrecision)}), and where the book starts, in ticks.
     */
    record Instrument(int priceScale, int quantityScale, int pricePrecision, int quantityPrecision, long startTicks)
    {
        long tick()
        {
            return pow10(priceScale - pricePrecision);
        }

        long lot()
        {
            return pow10(quantityScale - quantityPrecision);
        }

        long maxTicks()
        {
            return Long.MAX_VALUE / tick();
        }
    }

    /** How a venue writes a value's fractional digits. */
    enum Digits
    {
        /** Always the scale (Binance prints every value with the same decimals). */
        SCALE,
        /** Trailing zeros dropped (Kraken v2's JSON numbers). */
        MINIMAL,
        /** As many as the op asks beyond the value's own digits, up to two past the scale (text as received). */
        PADDED
    }

    private BookScript()
    {
    }

    /**
     * @param precisionIsScale the venue's precision must be the engine's scale (Kraken v2's checksum).
     */
    static Arbitrary<Instrument> instruments(final boolean precisionIsScale)
    {
        return Combinators.combine(
            Arbitraries.integers().between(0, 10),
            Arbitraries.integers().between(0, 10),
            Arbitraries.integers().between(0, 10),
            Arbitraries.integers().between(0, 10),
            Arbitraries.longs().between(0, Long.MAX_VALUE))
            .as((priceScale, quantityScale, pricePrecision, quantityPrecision, start) ->
            {
                final int pricePlaces = precisionIsScale ? priceScale : Math.min(pricePrecision, priceScale);
                final int quantityPlaces = precisionIsScale ? quantityScale : Math.min(quantityPrecision, quantityScale);
                final long maxTicks = Long.MAX_VALUE / pow10(priceScale - pricePlaces);
                final long startTicks = DRIFT_TICKS + start % (maxTicks - 2 * DRIFT_TICKS);
                return new Instrument(priceScale, quantityScale, pricePlaces, quantityPlaces, startTicks);
            });
    }

    /** The operations that build the book a venue holds before the client subscribes. */
    static Arbitrary<List<Op>> openings()
    {
        return ops(Arbitraries.just(Kind.INSERT), 80).list().ofMaxSize(120).withSizeDistribution(RandomDistribution.uniform());
    }

    static Arbitrary<List<Batch>> batches()
    {
        final Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(Kind.INSERT)),
            Tuple.of(3, Arbitraries.just(Kind.MODIFY)),
            Tuple.of(3, Arbitraries.just(Kind.DELETE)),
            Tuple.of(1, Arbitraries.just(Kind.DELETE_ABSENT)));
        return Combinators.combine(
                ops(kinds, 30).list().ofMaxSize(8).withSizeDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(1, 1000))
            .as(Batch::new)
            .list().ofMaxSize(30).withSizeDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<Op> ops(final Arbitrary<Kind> kinds, final int maxPosition)
    {
        return Combinators.combine(
            kinds,
            Arbitraries.of(DepthMessage.BID, DepthMessage.ASK),
            Arbitraries.integers().between(0, maxPosition),
            Arbitraries.longs().between(1, Long.MAX_VALUE),
            Arbitraries.integers().between(0, 12),
            Arbitraries.integers().between(0, 12))
            .as(Op::new);
    }

    /**
     * Performs the operations on the venue's book, skipping those that make no sense there (a change on an
     * empty side, a price off the grid).
     *
     * @return the level changes, in order, as the venue writes them.
     */
    static List<Change> perform(
        final VenueBook book, final Instrument instrument, final Digits digits, final List<Op> ops)
    {
        final List<Change> changes = new ArrayList<>();
        for (final Op op : ops)
        {
            final long price = price(book, instrument, op);
            if (price <= 0)
            {
                continue;
            }
            final long quantity = op.kind() == Kind.INSERT || op.kind() == Kind.MODIFY ? quantity(instrument, op) : 0;
            final VenueBook.Level level = new VenueBook.Level(
                price,
                quantity,
                decimals(digits, price, instrument.priceScale(), op.extraPriceDecimals()),
                decimals(digits, quantity, instrument.quantityScale(), op.extraQuantityDecimals()));
            book.set(op.side(), level);
            changes.add(new Change(op.side(), level));
        }
        return changes;
    }

    /** The op's price, or 0 when the op does not apply. */
    private static long price(final VenueBook book, final Instrument instrument, final Op op)
    {
        final byte side = op.side();
        final int size = book.size(side);
        switch (op.kind())
        {
            case MODIFY:
            case DELETE:
                return 0 == size ? 0 : book.levelAt(side, op.position() % size).price();
            case DELETE_ABSENT:
                final long absent = placement(book, instrument, side, op.position());
                return absent > 0 && null == book.level(side, absent) ? absent : 0;
            default:
                return placement(book, instrument, side, op.position());
        }
    }

    /**
     * A price {@code position} ticks behind the best the other side allows, so the book never crosses: a bid
     * at most one tick under the best ask, an ask at least one tick over the best bid; with the other side
     * empty, around the own best (or the starting price).
     */
    private static long placement(final VenueBook book, final Instrument instrument, final byte side, final int position)
    {
        final long tick = instrument.tick();
        final Long bestBid = book.best(DepthMessage.BID);
        final Long bestAsk = book.best(DepthMessage.ASK);
        final long ticks;
        if (side == DepthMessage.BID)
        {
            final long reference = null != bestAsk ? bestAsk / tick - 1 :
                null != bestBid ? bestBid / tick + 5 : instrument.startTicks();
            ticks = reference - position;
        }
        else
        {
            final long reference = null != bestBid ? bestBid / tick + 1 :
                null != bestAsk ? bestAsk / tick - 5 : instrument.startTicks() + 1;
            ticks = reference + position;
        }
        return ticks >= 1 && ticks <= instrument.maxTicks() ? ticks * tick : 0;
    }

    private static long quantity(final Instrument instrument, final Op op)
    {
        final long lots = Long.MAX_VALUE / instrument.lot();
        return (1 + (op.quantity() - 1) % lots) * instrument.lot();
    }

    private static int decimals(final Digits digits, final long mantissa, final int scale, final int extra)
    {
        switch (digits)
        {
            case SCALE:
                return scale;
            case MINIMAL:
                return minimalDecimals(mantissa, scale);
            default:
                return Math.min(minimalDecimals(mantissa, scale) + extra, scale + 2);
        }
    }

    /** The fewest fractional digits that write the value exactly. */
    static int minimalDecimals(final long mantissa, final int scale)
    {
        int decimals = scale;
        long value = mantissa;
        while (decimals > 0 && value % 10 == 0)
        {
            value /= 10;
            decimals--;
        }
        return decimals;
    }

    static long pow10(final int exponent)
    {
        long value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }
        return value;
    }
}
