package io.fathom.engine.handler;

/**
 * What a {@link BookHandler} is sized and scaled by, fixed at construction.
 *
 * @param instrumentCount    books kept, one per instrument id from 0.
 * @param capacityPerSide    levels each side of a book holds.
 * @param pendingMaxLevels   levels a book may buffer while it waits for a REST snapshot.
 * @param pressureDepth      levels each side that volume pressure weighs.
 * @param snapshotIntervalNs how often every live book is journaled whole; 0 for never.
 * @param priceScale         decimal places of the venue's fixed-point prices.
 * @param quantityScale      decimal places of the venue's fixed-point quantities.
 * @param syncTimeoutNs      how long a book of a venue that sends snapshots on the stream may stay not valid after
 *                           it was asked to sync before a resync is asked for again; 0 for never.
 */
public record HandlerSettings(
    int instrumentCount,
    int capacityPerSide,
    int pendingMaxLevels,
    int pressureDepth,
    long snapshotIntervalNs,
    int priceScale,
    int quantityScale,
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
            0, DEFAULT_SCALE, DEFAULT_SCALE, 0);
    }

    public HandlerSettings withPendingMaxLevels(final int levels)
    {
        return new HandlerSettings(instrumentCount, capacityPerSide, levels, pressureDepth, snapshotIntervalNs,
            priceScale, quantityScale, syncTimeoutNs);
    }

    public HandlerSettings withPressureDepth(final int levels)
    {
        return new HandlerSettings(instrumentCount, capacityPerSide, pendingMaxLevels, levels, snapshotIntervalNs,
            priceScale, quantityScale, syncTimeoutNs);
    }

    public HandlerSettings withSnapshotIntervalNs(final long intervalNs)
    {
        return new HandlerSettings(instrumentCount, capacityPerSide, pendingMaxLevels, pressureDepth, intervalNs,
            priceScale, quantityScale, syncTimeoutNs);
    }

    public HandlerSettings withScales(final int price, final int quantity)
    {
        return new HandlerSettings(instrumentCount, capacityPerSide, pendingMaxLevels, pressureDepth, snapshotIntervalNs,
            price, quantity, syncTimeoutNs);
    }

    public HandlerSettings withSyncTimeoutNs(final long timeoutNs)
    {
        return new HandlerSettings(instrumentCount, capacityPerSide, pendingMaxLevels, pressureDepth, snapshotIntervalNs,
            priceScale, quantityScale, timeoutNs);
    }
}
