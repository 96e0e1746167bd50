package io.fathom.codec.recording;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealDataLocatorTest
{
    @TempDir
    Path workingDir;

    @Test
    void findsEveryRecordingTheBuildPointsAt()
    {
        assertThat(System.getProperty(RealDataLocator.PROPERTY)).as("set by the root pom for every test").isNotNull();
        for (final String name : new String[]{
            "binance_spot_depth100ms_4sym.ws.txt", "binance_spot_depth_snapshots.http.txt",
            "binance_usdm_depth100ms_4sym.ws.txt", "binance_usdm_depth_snapshots.http.txt",
            "bitget_spot_v1_books_8inst.ws.txt", "kraken_v1_book1000_10pairs.ws.txt", "okx_v5_books_3inst.ws.txt" })
        {
            assertThat(RealDataLocator.file(name)).isRegularFile();
        }
    }

    @Test
    void usesTheDefaultFolderUnderTheWorkingDirectoryWhenThePropertyIsNotSet() throws IOException
    {
        final Path dir = Files.createDirectories(workingDir.resolve(RealDataLocator.DEFAULT_DIR));

        assertThat(RealDataLocator.dir(null, workingDir)).isEqualTo(dir);
    }

    @Test
    void failsNamingThePropertyAndPathWhenTheConfiguredFolderIsMissing()
    {
        final Path missing = workingDir.resolve("nowhere");

        assertThatThrownBy(() -> RealDataLocator.dir(missing.toString(), workingDir))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(missing.toString())
            .hasMessageContaining("-D" + RealDataLocator.PROPERTY + "=");
    }

    @Test
    void doesNotLookAnywhereElseWhenTheDefaultFolderIsMissing() throws IOException
    {
        final Path nested = Files.createDirectories(workingDir.resolve("module"));
        Files.createDirectories(workingDir.resolve(RealDataLocator.DEFAULT_DIR));

        assertThatThrownBy(() -> RealDataLocator.dir(null, nested))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(nested.resolve(RealDataLocator.DEFAULT_DIR).toString())
            .hasMessageContaining(RealDataLocator.PROPERTY + " not set");
    }

    @Test
    void failsNamingTheFileWhenARecordingIsMissing()
    {
        assertThatThrownBy(() -> RealDataLocator.file(workingDir, "no_such_recording.ws.txt"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("no_such_recording.ws.txt not found")
            .hasMessageContaining(workingDir.resolve("no_such_recording.ws.txt").toString());
    }
}
