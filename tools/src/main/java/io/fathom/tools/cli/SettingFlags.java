package io.fathom.tools.cli;

import io.fathom.engine.InvalidSettingException;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table from the engine's settings (as {@code EngineContext} names them) to the command-line
 * options that set them, so that a setting the engine refuses is reported by the option the operator typed.
 * A setting no option sets keeps its own name.
 */
public final class SettingFlags
{
    private static final Map<String, String> FLAGS = Map.ofEntries(
        Map.entry("venue", "--venue"),
        Map.entry("symbols", "--symbols"),
        Map.entry("feeds", "--feed"),
        Map.entry("url", "--url"),
        Map.entry("restUrl", "--rest-url"),
        Map.entry("venueDepth", "--venue-depth"),
        Map.entry("streamsPerConnection", "--streams-per-connection"),
        Map.entry("connectRatePerSecond", "--connect-rate"),
        Map.entry("connectBurst", "--connect-burst"),
        Map.entry("maxConnectsInFlight", "--connects-in-flight"),
        Map.entry("maxConnections", "--max-connections"),
        Map.entry("staleAfter", "--stale-after"),
        Map.entry("syncTimeout", "--sync-timeout"),
        Map.entry("maxConnectionLifetime", "--max-connection-lifetime"),
        Map.entry("snapshotDepthLimit", "--snapshot-limit"),
        Map.entry("snapshotRatePerSecond", "--snapshot-rate"),
        Map.entry("transport", "--transport"),
        Map.entry("ioThreads", "--io-threads"),
        Map.entry("engineThreading", "--threading"),
        Map.entry("connectTimeout", "--connect-timeout"),
        Map.entry("captureFile", "--capture"),
        Map.entry("runDir", "--run-dir"),
        Map.entry("journalDir", "--journal"),
        Map.entry("journalRetention", "--journal-retention"),
        Map.entry("journalMinFreeBytes", "--journal-min-free"),
        Map.entry("journalSnapshotInterval", "--snapshot-interval"),
        Map.entry("replayJournal", "--source"),
        Map.entry("replaySpeed", "--speed"),
        Map.entry("ringFullWait", "--ring-full-wait"),
        Map.entry("pressureDepth", "--pressure-depth"),
        Map.entry("priceScale", "--price-scale"),
        Map.entry("quantityScale", "--quantity-scale"),
        Map.entry("instruments", "--instruments"),
        Map.entry("instrumentMetadataTimeout", "--instrument-metadata-timeout"),
        Map.entry("shutdownTimeout", "--shutdown-timeout"),
        Map.entry("metricsPort", "--metrics-port"),
        Map.entry("metricsPerFeed", "--metrics-per-feed"),
        Map.entry("profile", "--profile"),
        Map.entry("handlerCpus", "--cpus"),
        Map.entry("publish", "--publish"),
        Map.entry("aeronDir", "--aeron-dir"),
        Map.entry("publishStreamId", "--publish-stream-id"),
        Map.entry("publishSnapshotInterval", "--publish-snapshot-interval"),
        Map.entry("publishControl", "--publish-control"),
        Map.entry("publishRequestRate", "--publish-request-rate"));

    private SettingFlags()
    {
    }

    /** The option that sets a setting, or the setting's own name when no option does. */
    public static String flag(final String setting)
    {
        return FLAGS.getOrDefault(setting, setting);
    }

    /** Every setting an option sets, with its option. */
    public static Map<String, String> all()
    {
        return FLAGS;
    }

    /**
     * The refusal as the command line reports it: the option, then what it must be, with the other settings
     * the reason names given by their options too; e.g. {@code --cpus needs --profile low-latency}.
     */
    public static String message(final InvalidSettingException refused)
    {
        String reason = refused.reason();
        for (final String related : refused.related())
        {
            reason = Pattern.compile("(?<![\\w-])" + Pattern.quote(related) + "(?![\\w-])").matcher(reason)
                .replaceAll(Matcher.quoteReplacement(flag(related)));
        }
        return flag(refused.setting()) + " " + reason;
    }
}
