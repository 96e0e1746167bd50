package io.fathom.tools.check;

import io.fathom.codec.Venue;
import io.fathom.codec.instrument.InstrumentScales;
import io.fathom.codec.instrument.ScaleCatalogue;
import io.fathom.tools.cli.InstrumentsOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code fathom check}: runs a recording through the same decoders and sync rules as live traffic, with
 * no network, and says whether the venue's integrity fields agree with the books built from it.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a recording (the line format of run --capture) through the venue's decoder and the engine's sync " +
            "rules, and prints per instrument: messages, checksums verified and mismatched, sequence gaps, " +
            "crossed states, resyncs and the final best bid/ask.",
        "Exit status 0 when everything verified; 1 on any checksum mismatch, gap, crossed state, top-of-book " +
            "mismatch or undecodable frame; 2 on a usage error."})
public final class CheckCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--venue", required = true, paramLabel = "VENUE", description = "the recording's protocol: one of " +
        "binance, binance-usdm, binance-coinm, kraken, kraken-v1, okx, bitget, coinbase, hyperliquid")
    String venue;

    @Parameters(index = "0", paramLabel = "RECORDING", description = "the WebSocket recording")
    Path recording;

    @Option(names = "--http", paramLabel = "RECORDING", description = "the REST snapshot recording (Binance venues)")
    Path http;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "also write the totals and per-instrument figures as JSON")
    Path summaryJson;

    @Option(names = "--price-scale", paramLabel = "N", description = "decimals of price mantissas of an instrument without scales of its own (see --instruments); default ${DEFAULT-VALUE}")
    int priceScale = 8;

    @Option(names = "--quantity-scale", paramLabel = "N", description = "decimals of quantity mantissas of an instrument without scales of its own; default ${DEFAULT-VALUE}")
    int quantityScale = 8;

    @Option(names = "--instruments", paramLabel = "FILE", description = "each instrument's own scales, a JSON array of {\"symbol\": \"SHIBUSDT\", \"price_scale\": 8, \"quantity_scale\": 2}; Kraken v2 checksums use the pair's price and quantity precisions")
    Path instruments;

    @Option(names = "--venue-depth", paramLabel = "N", description = "the subscribed book depth (Kraken); default: read from the recording's subscribe message")
    Integer venueDepth;

    @Option(names = "--max-problems", paramLabel = "N", description = "problems listed in the text output; default ${DEFAULT-VALUE}")
    int maxProblems = 50;

    @Override
    public Integer call() throws IOException
    {
        final Venue protocol = Venue.find(venue);
        if (protocol == null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--venue must be one of: " + Venue.ids() + " (got '" + venue + "')");
        }
        requireFile(recording, "RECORDING");
        if (http != null)
        {
            requireFile(http, "--http");
        }
        if (priceScale < 0 || priceScale > 18 || quantityScale < 0 || quantityScale > 18)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--price-scale and --quantity-scale must be 0..18");
        }
        final CheckReport report;
        try
        {
            final ScaleCatalogue catalogue =
                ScaleCatalogue.of(priceScale, quantityScale,
                    InstrumentScales.forVenue(InstrumentsOption.read(instruments), protocol.id()));
            report = new RecordingChecker(protocol, catalogue, venueDepth).check(recording, http);
            reportUnlisted(catalogue, report);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
        report.print(System.out, maxProblems);
        if (summaryJson != null)
        {
            final Path parent = summaryJson.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            Files.writeString(summaryJson, report.toJson() + System.lineSeparator(), StandardCharsets.UTF_8);
        }
        return report.passed() ? 0 : 1;
    }

    /** Names the listed instruments the recording never mentions, so a misspelt symbol is seen. */
    private static void reportUnlisted(final ScaleCatalogue catalogue, final CheckReport report)
    {
        final List<String> unheld = new ArrayList<>();
        for (final InstrumentScales listed : catalogue.instruments())
        {
            if (report.symbols().stream().noneMatch(s -> s.equalsIgnoreCase(listed.symbol())))
            {
                unheld.add(listed.symbol());
            }
        }
        if (!unheld.isEmpty())
        {
            System.out.println("--instruments: " + unheld.size() + " listed symbol(s) not in the recording: " +
                String.join(", ", unheld));
        }
    }

    private void requireFile(final Path path, final String what)
    {
        if (!Files.isRegularFile(path))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), what + " " + path + " is not a readable file");
        }
    }
}
