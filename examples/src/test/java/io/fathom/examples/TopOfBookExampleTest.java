package io.fathom.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The example runs as documented, in-process for three seconds: it reads valid books and shuts down cleanly. */
class TopOfBookExampleTest
{
    @Test
    void runsThreeSecondsReadsValidBooksAndShutsDownCleanly() throws Exception
    {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final TopOfBookExample.Result result;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8))
        {
            result = TopOfBookExample.run(3, out);
        }
        final String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(result.validReads()).as(output).isPositive();
        assertThat(output).contains("venue: dropping every connection").containsPattern("bid \\d");
        assertThat(result.shutdown().clean()).as("%s", result.shutdown()).isTrue();
    }
}
