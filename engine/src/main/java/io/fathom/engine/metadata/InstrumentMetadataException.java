package io.fathom.engine.metadata;

/**
 * Instrument metadata could not be fetched or read; the message names the URL and the reason. The engine goes on
 * with the run-wide scales and records this in its distinct-error log.
 */
public final class InstrumentMetadataException extends Exception
{
    private static final long serialVersionUID = 1L;

    public InstrumentMetadataException(final String message, final Throwable cause)
    {
        super("instrument metadata unavailable, using the run-wide scales: " + message, cause);
    }
}
