package io.fathom.engine;

import io.fathom.codec.Venue;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The venue defaults a configuration falls back on, and the checks of the URLs it ends up with. */
class EngineConfigTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Venue.class)
    void everyVenueBuildsWithItsOwnEndpoints(final Venue venue)
    {
        final EngineConfig config = builder(venue).build();

        assertThat(config.wsBaseUrl).isEqualTo(venue.wsUrl());
        assertThat(config.restBaseUrl).as("a REST base only where snapshots come over REST")
            .isEqualTo(venue.restSnapshot() ? venue.restUrl() : null);
    }

    @ParameterizedTest
    @EnumSource(Venue.class)
    void aRestUrlGivenIsCheckedWhateverTheVenue(final Venue venue)
    {
        assertThatThrownBy(() -> builder(venue).restBaseUrl("http://:99999").build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("--rest-url ");
    }

    private EngineConfig.Builder builder(final Venue venue)
    {
        return EngineConfig.builder()
            .venue(venue.id())
            .symbols(List.of("S0"))
            .runDir(dir.resolve("run").toFile())
            .journalDir(dir.resolve("journal").toFile());
    }
}
