package io.fathom.engine.feed;

import java.util.List;

/**
 * A feed group failed: carries one cause per failed feed, each naming its feed, also attached as
 * suppressed exceptions so a stack trace shows them all.
 */
public final class FeedGroupException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** One failed feed and why. */
    public record FeedFailure(String symbol, String cause)
    {
        @Override
        public String toString()
        {
            return symbol + ": " + cause;
        }
    }

    private final String group;
    private final transient List<FeedFailure> failures;

    public FeedGroupException(final String group, final List<FeedFailure> failures)
    {
        super("feed group '" + group + "' failed: " + failures, null, true, false);
        this.group = group;
        this.failures = List.copyOf(failures);
        for (final FeedFailure failure : this.failures)
        {
            addSuppressed(new FeedFailedException(failure.symbol(), failure.cause()));
        }
    }

    public String group()
    {
        return group;
    }

    public List<FeedFailure> failures()
    {
        return failures;
    }

    /** One feed's failure, as a suppressed exception of the group's. */
    public static final class FeedFailedException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        private final String symbol;

        FeedFailedException(final String symbol, final String cause)
        {
            super("feed " + symbol + " failed: " + cause, null, false, false);
            this.symbol = symbol;
        }

        public String symbol()
        {
            return symbol;
        }
    }
}
