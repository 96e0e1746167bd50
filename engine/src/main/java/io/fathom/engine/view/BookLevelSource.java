package io.fathom.engine.view;

import io.fathom.codec.DepthMessage;

/**
 * The best levels of each side of a book, read by rank, which is all {@link BookViewWriter} needs of a book.
 * Sides are {@link DepthMessage#BID} and {@link DepthMessage#ASK}; level 0 is the best.
 */
public interface BookLevelSource
{
    /** Levels held on the side. */
    int levelCount(byte side);

    /** Price mantissa of a level below {@link #levelCount}. */
    long price(byte side, int level);

    /** Quantity mantissa of a level below {@link #levelCount}. */
    long quantity(byte side, int level);
}
