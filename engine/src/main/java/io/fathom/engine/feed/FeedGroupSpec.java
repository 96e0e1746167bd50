package io.fathom.engine.feed;

import java.time.Duration;
import java.util.List;

/**
 * A named set of feeds launched, observed and cancelled together.
 *
 * @param name          unique within an engine.
 * @param symbols       instruments of the engine's configuration.
 * @param policy        what a feed's failure does to its siblings.
 * @param startDeadline every feed must be LIVE this long after launch, else it counts as failed;
 *                      zero for no deadline.
 * @param launchAtStart whether the engine launches the group when it starts.
 */
public record FeedGroupSpec(
    String name, List<String> symbols, FeedGroupPolicy policy, Duration startDeadline, boolean launchAtStart)
{
    public FeedGroupSpec
    {
        symbols = List.copyOf(symbols);
        if (name == null || name.isBlank())
        {
            throw new IllegalArgumentException("a feed group needs a name");
        }
        if (symbols.isEmpty())
        {
            throw new IllegalArgumentException("feed group '" + name + "' has no symbols");
        }
        if (startDeadline == null || startDeadline.isNegative())
        {
            throw new IllegalArgumentException("feed group '" + name + "' start deadline must not be negative");
        }
    }
}
