package io.fathom.tools.check;

import io.fathom.codec.Venue;
import io.fathom.codec.recording.RecordType;
import io.fathom.codec.recording.RecordingReader;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instruments a recording's client asked for on the venue's book channel, named as the venue's depth
 * messages name them: Binance's depth streams in the connect URL or a {@code SUBSCRIBE}, the other venues'
 * subscribe messages. An instrument subscribed to but never received is still an instrument to report on.
 */
final class SubscribedSymbols
{
    private static final Pattern BINANCE_STREAMS = Pattern.compile("[?&]streams=([^&\\s]+)");
    private static final Pattern BINANCE_DEPTH_STREAM = Pattern.compile("\"?([a-z0-9_\\-]+)@depth(@\\d+ms)?\"?");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern BOOKS_CHANNEL = Pattern.compile("\"channel\"\\s*:\\s*\"books[^\"]*\"");
    private static final Pattern INST_ID = Pattern.compile("\"instId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COIN = Pattern.compile("\"coin\"\\s*:\\s*\"([^\"]+)\"");

    private final Venue venue;

    SubscribedSymbols(final Venue venue)
    {
        this.venue = venue;
    }

    /** Adds the instruments one record subscribes to, if it subscribes to any. */
    void addFrom(final RecordingReader reader, final Set<String> symbols)
    {
        if (reader.type() == RecordType.OPEN && isBinance())
        {
            final Matcher streams = BINANCE_STREAMS.matcher(reader.url());
            if (streams.find())
            {
                addBinanceStreams(streams.group(1).split("/"), symbols);
            }
        }
        if (reader.type() != RecordType.SENT)
        {
            return;
        }
        final String text = reader.payloadAsString();
        switch (venue)
        {
            case BINANCE:
            case BINANCE_USDM:
            case BINANCE_COINM:
                if (text.contains("\"SUBSCRIBE\""))
                {
                    addBinanceStreams(list(text, "params").split(","), symbols);
                }
                break;
            case KRAKEN_V1:
                if (text.contains("\"subscribe\"") && text.contains("\"book\""))
                {
                    addQuoted(list(text, "pair"), symbols);
                }
                break;
            case KRAKEN:
                if (text.contains("\"subscribe\"") && text.contains("\"book\""))
                {
                    addQuoted(list(text, "symbol"), symbols);
                }
                break;
            case OKX:
            case BITGET:
                if (text.contains("\"subscribe\""))
                {
                    final Matcher arg = OBJECT.matcher(text);
                    while (arg.find())
                    {
                        final Matcher instId = INST_ID.matcher(arg.group());
                        if (BOOKS_CHANNEL.matcher(arg.group()).find() && instId.find())
                        {
                            symbols.add(instId.group(1));
                        }
                    }
                }
                break;
            case COINBASE:
                if (text.contains("\"subscribe\"") && text.contains("\"level2"))
                {
                    addQuoted(list(text, "product_ids"), symbols);
                }
                break;
            case HYPERLIQUID:
                final Matcher coin = COIN.matcher(text);
                if (text.contains("\"subscribe\"") && text.contains("\"l2Book\"") && coin.find())
                {
                    symbols.add(coin.group(1));
                }
                break;
            default:
                break;
        }
    }

    private boolean isBinance()
    {
        return venue == Venue.BINANCE || venue == Venue.BINANCE_USDM || venue == Venue.BINANCE_COINM;
    }

    /** Binance names streams in lower case and symbols in upper case. */
    private static void addBinanceStreams(final String[] streams, final Set<String> symbols)
    {
        for (final String stream : streams)
        {
            final Matcher depth = BINANCE_DEPTH_STREAM.matcher(stream.trim());
            if (depth.matches())
            {
                symbols.add(depth.group(1).toUpperCase(Locale.ROOT));
            }
        }
    }

    private static void addQuoted(final String list, final Set<String> symbols)
    {
        final Matcher quoted = QUOTED.matcher(list);
        while (quoted.find())
        {
            symbols.add(quoted.group(1));
        }
    }

    /** The inside of the JSON array named {@code field}, or an empty string. */
    private static String list(final String text, final String field)
    {
        final Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(text);
        return m.find() ? m.group(1) : "";
    }
}
