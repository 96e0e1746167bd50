package io.fathom.engine.publish;

/**
 * The shape of the engine's books and ring slots, which the publisher's mirror of the books and its message
 * buffer are sized from.
 */
public record BookShape(int capacityPerSide, int priceScale, int quantityScale, int levelsPerEvent)
{
}
