package io.fathom.engine.book;

/**
 * How books are kept: levels held per side, deltas buffered while a book syncs, the depth of the volume
 * pressure signal, and the decimals of price and quantity mantissas (for Kraken v2 the pair's
 * {@code price_precision} and {@code qty_precision}, which its checksum uses).
 */
public record BookSettings(int capacityPerSide, int pendingMaxLevels, int pressureDepth, int priceScale, int quantityScale)
{
}
