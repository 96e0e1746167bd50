package io.fathom.tools.status;

import io.fathom.engine.status.CountersFile;
import org.agrona.concurrent.status.CountersReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One pass over a counters file: the system counters in id order, and a row per feed and per
 * connection from their counters ({@code venue:NAME field} labels), in no particular order. Reads each counter
 * once and sorts only on request, so it stays quick at tens of thousands of feeds in a JVM that has just started.
 */
final class StatRows
{
    /** One feed's counters. */
    static final class Feed
    {
        final String name;
        long state;
        long messages;
        long lastMessageEpochNs;
        long reconnects;
        long resyncs;
        long gaps;

        Feed(final String name)
        {
            this.name = name;
        }
    }

    /** One connection's counters. */
    static final class Connection
    {
        final String name;
        long state;
        long messages;
        long reconnects;

        Connection(final String name)
        {
            this.name = name;
        }
    }

    final Map<String, Long> system = new LinkedHashMap<>();
    final List<Feed> feeds = new ArrayList<>();
    final List<Connection> connections = new ArrayList<>();

    private StatRows()
    {
    }

    /** @param filter keeps only the system counters, feeds and connections whose label matches; null keeps all. */
    static StatRows read(final CountersReader counters, final Pattern filter)
    {
        final StatRows rows = new StatRows();
        final Map<String, Feed> feedsByName = new HashMap<>();
        final Map<String, Connection> connectionsByName = new HashMap<>();
        counters.forEach((value, id, label) ->
        {
            final int type = counters.getCounterTypeId(id);
            if (type == CountersFile.SYSTEM_TYPE)
            {
                if (filter == null || filter.matcher(label).find())
                {
                    rows.system.put(label, value);
                }
                return;
            }
            final int space = label.lastIndexOf(' ');
            if (space <= 0)
            {
                return;
            }
            final String name = label.substring(0, space);
            if (type >= CountersFile.CONNECTION_STATE_TYPE)
            {
                final Connection connection = connectionsByName.computeIfAbsent(name, Connection::new);
                switch (type)
                {
                    case CountersFile.CONNECTION_STATE_TYPE -> connection.state = value;
                    case CountersFile.CONNECTION_MESSAGES_TYPE -> connection.messages = value;
                    case CountersFile.CONNECTION_RECONNECTS_TYPE -> connection.reconnects = value;
                    default -> { }
                }
                return;
            }
            final Feed feed = feedsByName.computeIfAbsent(name, Feed::new);
            switch (type)
            {
                case CountersFile.FEED_STATE_TYPE -> feed.state = value;
                case CountersFile.FEED_MESSAGES_TYPE -> feed.messages = value;
                case CountersFile.FEED_LAST_MESSAGE_TYPE -> feed.lastMessageEpochNs = value;
                case CountersFile.FEED_RECONNECTS_TYPE -> feed.reconnects = value;
                case CountersFile.FEED_RESYNCS_TYPE -> feed.resyncs = value;
                case CountersFile.FEED_GAPS_TYPE -> feed.gaps = value;
                default -> { }
            }
        });
        for (final Feed feed : feedsByName.values())
        {
            if (filter == null || filter.matcher(feed.name).find())
            {
                rows.feeds.add(feed);
            }
        }
        for (final Connection connection : connectionsByName.values())
        {
            if (filter == null || filter.matcher(connection.name).find())
            {
                rows.connections.add(connection);
            }
        }
        return rows;
    }

    /** Sorts the feeds and connections by name, for the per-line listing; the summary does not need it. */
    void sortByName()
    {
        feeds.sort((a, b) -> compareNames(a.name, b.name));
        connections.sort((a, b) -> compareNames(a.name, b.name));
    }

    /** Names in natural order: {@code SYM2} before {@code SYM10}. */
    static int compareNames(final String a, final String b)
    {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length())
        {
            final char ca = a.charAt(i);
            final char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb))
            {
                final int startA = i;
                final int startB = j;
                while (i < a.length() && Character.isDigit(a.charAt(i)))
                {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j)))
                {
                    j++;
                }
                final int lengthA = i - startA;
                final int lengthB = j - startB;
                if (lengthA != lengthB)
                {
                    return lengthA - lengthB;
                }
                for (int k = 0; k < lengthA; k++)
                {
                    final int digit = a.charAt(startA + k) - b.charAt(startB + k);
                    if (digit != 0)
                    {
                        return digit;
                    }
                }
            }
            else
            {
                if (ca != cb)
                {
                    return ca - cb;
                }
                i++;
                j++;
            }
        }
        return (a.length() - i) - (b.length() - j);
    }
}
