package io.fathom.engine.feed;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;

/**
 * Why a connection attempt ended without opening: the first cause seen, worded as one text per distinct cause
 * whatever streams the URL names, so the distinct-error log holds one entry for a venue that refuses every
 * connection rather than one per connection. Written by the transport's threads and the supervisor.
 */
final class AttemptFailure
{
    private volatile String first;

    /** The transport's error (refused, unknown host, TLS, handshake status); the first cause wins. */
    void onError(final Throwable error)
    {
        if (first == null)
        {
            first = describe(error);
        }
    }

    /** The supervisor gave the attempt up, for {@code reason}; the first cause wins. */
    void onAbandoned(final String reason)
    {
        if (first == null)
        {
            first = reason;
        }
    }

    /** The text of the failure for the attempt to {@code uri}: its first cause, or else {@code closeCause}. */
    String describe(final URI uri, final String closeCause)
    {
        final String why = first;
        return "connection to " + uri.getScheme() + "://" + uri.getRawAuthority() + " failed: " +
            (why != null ? why : closeCause);
    }

    /** The text of an open connection to {@code uri} lost for {@code closeCause}. */
    static String lost(final URI uri, final String closeCause)
    {
        return "connection to " + uri.getScheme() + "://" + uri.getRawAuthority() + " lost: " + closeCause;
    }

    private static String describe(final Throwable error)
    {
        final String name = error.getClass().getSimpleName();
        if (error instanceof WebSocketHandshakeException handshake)
        {
            return name + ": HTTP " + handshake.getResponse().statusCode();
        }
        Throwable cause = error;
        while (cause.getMessage() == null && cause.getCause() != null)
        {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
    }
}
