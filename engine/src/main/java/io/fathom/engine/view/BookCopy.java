package io.fathom.engine.view;

import io.fathom.codec.journal.BookStateRecord;

/**
 * What every copy read from a {@link BookView} carries besides its levels: whether the book was valid, why
 * not, the venue's id and the time of the last change, and the scales that turn mantissas into numbers.
 * Caller-owned and reused; not thread-safe (one reading thread per copy).
 */
public abstract class BookCopy
{
    /** Invalid reason of a book not (yet) synced since the views were created. */
    public static final int REASON_NOT_SYNCED = 0;
    /** Invalid reason once the engine has stopped publishing. */
    public static final int REASON_CLOSED = 255;

    int instrumentId = -1;
    boolean valid;
    int invalidReason = REASON_NOT_SYNCED;
    long updateId = -1;
    long lastChangeEpochNs;
    int priceScale;
    int quantityScale;

    BookCopy()
    {
    }

    /**
     * The name of an invalid reason: "not_synced", "closed", or the journal's name of a
     * {@link BookStateRecord} reason ("gap", "crossed", ...).
     */
    public static String reasonName(final int reason)
    {
        switch (reason)
        {
            case REASON_NOT_SYNCED:
                return "not_synced";
            case REASON_CLOSED:
                return "closed";
            default:
                return BookStateRecord.reasonName(reason);
        }
    }

    /** Id of the instrument the last read copied, -1 before any read. */
    public int instrumentId()
    {
        return instrumentId;
    }

    /** Whether the book was valid at the copied moment; when not, the copy holds no levels. */
    public boolean valid()
    {
        return valid;
    }

    /**
     * Why the book was not valid: {@link #REASON_NOT_SYNCED}, {@link #REASON_CLOSED} or a
     * {@link BookStateRecord} reason; meaningless while {@link #valid()}.
     */
    public int invalidReason()
    {
        return invalidReason;
    }

    /** The venue's id of the last change applied (kept across an invalidation), -1 if none. */
    public long updateId()
    {
        return updateId;
    }

    /** When the writer published the last change or invalidation, epoch ns; 0 if never: compare to now for staleness. */
    public long lastChangeEpochNs()
    {
        return lastChangeEpochNs;
    }

    /** Decimals of the price mantissas. */
    public int priceScale()
    {
        return priceScale;
    }

    /** Decimals of the quantity mantissas. */
    public int quantityScale()
    {
        return quantityScale;
    }

    final void copyHeader(final BookView view, final long meta, final long updateId, final long epochNs)
    {
        instrumentId = view.instrumentId();
        valid = ViewSlab.valid(meta);
        invalidReason = ViewSlab.reason(meta);
        this.updateId = updateId;
        lastChangeEpochNs = epochNs;
        priceScale = view.priceScale();
        quantityScale = view.quantityScale();
    }
}
