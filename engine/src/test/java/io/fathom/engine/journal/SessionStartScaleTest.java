package io.fathom.engine.journal;

import io.fathom.codec.journal.JournalTemplate;
import io.fathom.codec.journal.SessionRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The session start names every instrument in one record: it must hold the largest engine's table. */
class SessionStartScaleTest
{
    @TempDir
    Path dir;

    @Test
    void sessionStartOfAHundredThousandInstrumentsIsWrittenAndReadWhole()
    {
        final int count = 100_000;
        final List<SessionRecords.Instrument> instruments = new ArrayList<>(count);
        for (int id = 0; id < count; id++)
        {
            instruments.add(new SessionRecords.Instrument(id, "binance-usdm", "SYM" + id + "USDT", 8, 8));
        }
        final SessionRecords.SessionConfig config = new SessionRecords.SessionConfig(7, 10, 2048, 60_000, "venue=binance-usdm");
        try (Journal journal = new Journal(dir.toFile()); JournalWriter writer = journal.newWriter())
        {
            writer.sessionStart(1L, config, instruments);
        }

        final List<SessionRecords.SessionStart> starts = new ArrayList<>();
        try (JournalReader reader = new JournalReader(dir.toFile()))
        {
            reader.readAll((template, buffer, length, index) ->
            {
                if (template == JournalTemplate.SESSION_START)
                {
                    starts.add(SessionRecords.decodeStart(buffer, 0, length));
                }
            });
        }
        assertThat(starts).hasSize(1);
        assertThat(starts.get(0).instruments()).hasSize(count);
        assertThat(starts.get(0).instruments().get(count - 1)).isEqualTo(instruments.get(count - 1));
        assertThat(starts.get(0).config()).isEqualTo(config);
    }
}
