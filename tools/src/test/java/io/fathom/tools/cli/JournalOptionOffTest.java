package io.fathom.tools.cli;

import io.fathom.engine.EngineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JournalOptionOffTest
{
    @TempDir
    Path dir;

    @Test
    void journalOffTurnsTheJournalOff()
    {
        final EngineConfig config = configWith(new File("off"));

        assertThat(config.journal).isFalse();
    }

    @Test
    void aDirectoryNamedOffIsWrittenWithItsPath()
    {
        final File offDir = dir.resolve("off").toFile();

        final EngineConfig config = configWith(offDir);

        assertThat(config.journal).isTrue();
        assertThat(config.journalDir).isEqualTo(offDir);
    }

    private EngineConfig configWith(final File journal)
    {
        final EngineOptions options = new EngineOptions();
        options.journalDir = journal;
        options.runDir = dir.resolve("run").toFile();
        return options.apply(EngineConfig.builder().symbols(List.of("BTCUSDT"))).build();
    }
}
