package io.fathom.tools.cli;

import io.fathom.engine.InvalidSettingException;
import io.fathom.tools.DemoCommand;
import io.fathom.tools.RunCommand;
import io.fathom.tools.replay.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A setting the engine refuses is reported by the option that set it, never by the engine's name for it. */
class SettingFlagsTest
{
    @TempDir
    Path dir;

    @Test
    void everyFlagInTheTableIsAnOptionOfRunOrDemo()
    {
        final Set<String> options = new HashSet<>();
        for (final Object command : new Object[] {new RunCommand(), new DemoCommand()})
        {
            options.addAll(new CommandLine(command).getCommandSpec().optionsMap().keySet());
        }

        for (final Map.Entry<String, String> entry : SettingFlags.all().entrySet())
        {
            assertThat(options).as("the option of setting %s", entry.getKey()).contains(entry.getValue());
        }
    }

    @Test
    void aRefusalIsReportedByItsFlagAndSoAreTheSettingsItsReasonNames()
    {
        final InvalidSettingException refused = new InvalidSettingException("handlerCpus", "needs profile low-latency", "profile");

        assertThat(SettingFlags.message(refused)).isEqualTo("--cpus needs --profile low-latency");
    }

    @Test
    void aSettingNoOptionSetsKeepsItsName()
    {
        assertThat(SettingFlags.message(new InvalidSettingException("levelsPerEvent", "must be 1..1024 (got 0)")))
            .isEqualTo("levelsPerEvent must be 1..1024 (got 0)");
    }

    @Test
    void theCommandLineNamesTheFlagOfARefusedSetting()
    {
        final CliRun run = CliRun.of("run", "--symbols", "btcusdt", "--url", "ws://127.0.0.1:1",
            "--run-dir", dir.resolve("run").toString(), "--journal", dir.resolve("journal").toString(),
            "--duration", "1ms", "--ring-full-wait", "11s");

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("fathom run: --ring-full-wait must be 1ms..10s (got PT11S)")
            .doesNotContain("ringFullWait");
        assertThat(dir.resolve("run")).as("nothing started").doesNotExist();
    }

    @Test
    void aSyncTimeoutOutOfRangeIsRefusedByItsFlag()
    {
        final CliRun run = CliRun.of("demo", "--symbols", "2", "--rate", "100",
            "--run-dir", dir.resolve("run").toString(), "--journal", dir.resolve("journal").toString(),
            "--duration", "1ms", "--sync-timeout", "2h");

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("fathom demo: --sync-timeout must be 0s (never) or 100ms..1h (got PT2H)")
            .doesNotContain("syncTimeout");
        assertThat(dir.resolve("run")).as("nothing started").doesNotExist();
    }

    @Test
    void aReasonNamingAnotherSettingNamesItsFlagOnTheCommandLine()
    {
        final CliRun run = CliRun.of("demo", "--symbols", "2", "--rate", "100", "--cpus", "0",
            "--run-dir", dir.resolve("run").toString(), "--journal", dir.resolve("journal").toString(),
            "--duration", "1ms");

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("fathom demo: --cpus needs --profile low-latency");
        assertThat(run.out()).as("no simulator started").doesNotContain("simulator:");
    }
}
