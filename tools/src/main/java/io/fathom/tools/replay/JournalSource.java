package io.fathom.tools.replay;

import io.fathom.engine.EngineContext;
import io.fathom.engine.journal.ReplaySpeed;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code run --source journal:DIR}: configures an engine to replay a journal through the book handler
 * instead of connecting, holding the journal's instruments and computing signals as it did.
 */
public final class JournalSource
{
    public static final String PREFIX = "journal:";

    private JournalSource()
    {
    }

    /** Whether {@code --source} names a journal. */
    public static boolean names(final String source)
    {
        return source != null && source.startsWith(PREFIX);
    }

    /**
     * @param symbols            the subset to replay, or null for every instrument of the venue in the journal.
     * @param pressureDepthGiven whether {@code --pressure-depth} was given; else the journal's is used.
     */
    public static EngineContext configure(
        final EngineContext context,
        final String source,
        final String speed,
        final String venue,
        final List<String> symbols,
        final boolean pressureDepthGiven,
        final PrintStream out)
    {
        final File directory = new File(source.substring(PREFIX.length()));
        if (!directory.isDirectory())
        {
            throw new IllegalArgumentException("--source " + source + ": no such journal directory");
        }
        final JournalScan scan = JournalScan.scan(directory, venue);
        if (scan.symbols().isEmpty())
        {
            throw new IllegalArgumentException("--source " + source + ": the journal holds no " + venue + " instruments");
        }
        final List<String> replayed = new ArrayList<>();
        if (symbols == null)
        {
            replayed.addAll(scan.symbols());
        }
        else
        {
            for (final String symbol : symbols)
            {
                final String upper = symbol.toUpperCase(Locale.ROOT);
                if (!scan.symbols().contains(upper))
                {
                    throw new IllegalArgumentException("--symbols " + symbol + " is not in the journal " + directory);
                }
                replayed.add(upper);
            }
        }
        context.symbols(replayed).replayJournal(directory).replaySpeed(ReplaySpeed.parse(speed == null ? "max" : speed));
        // the journal's mantissas are at the scales it recorded, whatever --instruments says
        context.instruments(scan.scales().stream().filter(s -> replayed.contains(s.symbol())).toList());
        if (scan.config().pressureDepth() > 0 && !pressureDepthGiven)
        {
            context.pressureDepth(scan.config().pressureDepth());
        }
        if (scan.config().bookCapacityPerSide() > 0)
        {
            context.bookCapacityPerSide(scan.config().bookCapacityPerSide());
        }
        out.printf("replaying %s: %d sessions, %d instruments, pressure depth %s, book capacity %s%s%n", directory,
            scan.sessions(), replayed.size(), known(scan.config().pressureDepth()), known(scan.config().bookCapacityPerSide()),
            scan.mixedConfigs() ? " (sessions differ: the first one's are used)" : "");
        return context;
    }

    private static String known(final int value)
    {
        return value > 0 ? Integer.toString(value) : "not journaled (version 1)";
    }
}
