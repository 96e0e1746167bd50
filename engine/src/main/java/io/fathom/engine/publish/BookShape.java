package io.fathom.engine.publish;

import io.fathom.engine.book.BookScales;

/**
 * The shape of the engine's books and ring slots, which the publisher's mirror of the books and its message
 * buffer are sized from, and each instrument's scales.
 */
public record BookShape(int capacityPerSide, BookScales scales, int levelsPerEvent)
{
}
