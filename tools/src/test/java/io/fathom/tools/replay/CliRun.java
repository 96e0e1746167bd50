package io.fathom.tools.replay;

import io.fathom.tools.FathomCli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A {@code fathom} command run in this JVM with its standard output and error captured. */
public record CliRun(int status, String out, String err)
{
    public static CliRun of(final String... args)
    {
        final PrintStream stdout = System.out;
        final PrintStream stderr = System.err;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status;
        try
        {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = FathomCli.execute(args);
        }
        finally
        {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines()
    {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }

    @Override
    public String toString()
    {
        return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
