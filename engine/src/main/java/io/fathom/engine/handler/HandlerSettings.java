package io.fathom.engine.handler;

import io.fathom.engine.book.BookScales;

/**
 * What a {@link BookHandler} is sized and scaled by, fixed at construction.
 *
 * @param instrumentCount    books kept, one per instrument id from 0.
 * @param capacityPerSide    levels each side of a book holds.
 * @param pendingMaxLevels   levels a book may buffer while it waits for a REST snapshot.
 * @param pressureDepth      levels each side that volume pressure weighs.
 * @param snapshotIntervalNs how often every live book is journaled whole; 0 for never.
 * @param scales             each instrument's decimal places of prices and quantities, by id.
 * @param syncTimeoutNs      how long a book of a venue that sends snapshots on the stream may stay not valid after
 *                           it was asked to sync before a resync is asked for again; 0 for never.
 */
public record HandlerSettings(
    int instrumentCount,
    int capacityPerSide,
    int pendingMaxLevels,
    int pressureDepth,
    long snapshotIntervalNs,
    BookScales scales,
    long syncTimeoutNs)
{
    public static final int DEFAULT_PENDING_MAX_LEVELS = 1 << 12;
    public static final int DEFAULT_PRESSURE_DEPTH = 10;
    public static final int DEFAULT_SCALE = 8;

    /**
     * Books of {@code capacityPerSide} levels, scale 8, default buffering and pressure depth, no periodic snapshots
     * and no sync timeout.
     */
    public static HandlerSettings of(final int instrumentCount, final int capacityPerSide)
    {
        return new HandlerSettings(instrumentCount, capacityPerSide, DEFAULT_PENDING_MAX_LEVELS, DEFAULT_PRESSURE_DEPTH,
            0, BookScales.uniform(DEFAULT_SCALE, DEFAULT_SCALE), 0);
    }

    public HandlerSettings withPendingMaxLevels(final int levels)
    {
        return new HandlerSettings(instrumentCount, capacityPerSide, levels, pressureDepth, snapshotIntervalNs,
            scales, syncTimeoutNs);
    }

    public HandlerSettings withPressureDepth(final int levels)
    {
        return new HandlerSettings(instrumentCount, capacityPerSide, pendingMaxLevels, levels, snapshotIntervalNs,
            scales, syncTimeoutNs);
    }

    public HandlerSettings withSnapshotIntervalNs(final long intervalNs)
    {
        return new HandlerSettings(instrumentCount, capacityPerSide, pendingMaxLevels, pressureDepth, intervalNs,
            scales, syncTimeoutNs);
    }

    public HandlerSettings withScales(final int price, final int quantity)
    {
        return withScales(BookScales.uniform(price, quantity));
    }

    public HandlerSettings withScales(final BookScales byInstrument)
    {
        return new HandlerSettings(instrumentCount, capacityPerSide, pendingMaxLevels, pressureDepth, snapshotIntervalNs,
            byInstrument, syncTimeoutNs);
    }

    /** The price scale of an instrument without scales of its own. */
    public int priceScale()
    {
        return scales.defaultPriceScale();
    }

    /** The quantity scale of an instrument without scales of its own. */
    public int quantityScale()
    {
        return scales.defaultQuantityScale();
    }

    public HandlerSettings withSyncTimeoutNs(final long timeoutNs)
    {
        return new HandlerSettings(instrumentCount, capacityPerSide, pendingMaxLevels, pressureDepth, snapshotIntervalNs,
            scales, timeoutNs);
    }
}
