package io.fathom.codec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealDataTest
{
    @Test
    void failsClearlyWhenARecordingIsMissing()
    {
        assertThatThrownBy(() -> RealData.file("no_such_recording.ws.txt"))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("no_such_recording.ws.txt not found")
            .hasMessageContaining("realdata")
            .hasMessageContaining(RealData.PROPERTY);
    }

    @Test
    void findsTheSharedRecordings()
    {
        assertThat(RealData.file("binance_spot_depth100ms_4sym.ws.txt")).isRegularFile();
    }
}
