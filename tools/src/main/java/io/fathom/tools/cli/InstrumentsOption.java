package io.fathom.tools.cli;

import io.fathom.codec.instrument.InstrumentScales;
import io.fathom.codec.instrument.InstrumentsFile;
import io.fathom.engine.EngineContext;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code --instruments FILE}: reading the file and reporting the entries the run does not hold. */
public final class InstrumentsOption
{
    private InstrumentsOption()
    {
    }

    /**
     * @param file null for none.
     * @return the instruments the file lists, in order; empty for none.
     * @throws IllegalArgumentException naming the option, the file, and the entry and field at fault.
     */
    public static List<InstrumentScales> read(final Path file)
    {
        if (file == null)
        {
            return List.of();
        }
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("--instruments " + file + " is not a readable file");
        }
        try
        {
            return InstrumentsFile.read(file);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("--instruments " + file + " cannot be read: " + ex.getMessage(), ex);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("--instruments " + ex.getMessage(), ex);
        }
    }

    /** Says which listed instruments the run does not hold, so a misspelt symbol is seen rather than ignored. */
    public static void reportUnheld(final EngineContext context, final PrintStream out)
    {
        final List<String> unheld = context.unheldInstruments();
        if (!unheld.isEmpty())
        {
            out.println("--instruments: " + unheld.size() + " listed symbol(s) not among the symbols held, " +
                "their scales unused: " + String.join(", ", unheld.subList(0, Math.min(20, unheld.size()))) +
                (unheld.size() > 20 ? ", ..." : ""));
        }
    }
}
