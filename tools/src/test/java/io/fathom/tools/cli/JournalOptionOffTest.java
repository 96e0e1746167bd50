package io.fathom.tools.cli;

import io.fathom.engine.EngineContext;
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
        final EngineContext config = configWith(new File("off"));

        assertThat(config.journalEnabled()).isFalse();
    }

    @Test
    void aDirectoryNamedOffIsWrittenWithItsPath()
    {
        final File offDir = dir.resolve("off").toFile();

        final EngineContext config = configWith(offDir);

        assertThat(config.journalEnabled()).isTrue();
        assertThat(config.journalDir()).isEqualTo(offDir);
    }

    private EngineContext configWith(final File journal)
    {
        final EngineOptions options = new EngineOptions();
        options.journalDir = journal;
        options.runDir = dir.resolve("run").toFile();
        return options.apply(new EngineContext().symbols(List.of("BTCUSDT"))).conclude();
    }
}
