package io.fathom.tools.replay;

import io.fathom.codec.json.JsonWriter;
import io.fathom.engine.journal.JournalReader;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a journal ends: its last whole record (Chronicle never exposes a torn one), by index, roll
 * cycle and time, and whether its last session ended or was cut short.
 */
record JournalEnd(long lastIndex, String cycleStart, long sequence, long lastEpochNs, boolean sessionOpen)
{
    static JournalEnd of(final JournalReader reader, final JournalWalker walker)
    {
        final long index = walker.lastIndex();
        if (index < 0)
        {
            return new JournalEnd(-1, null, -1, Long.MIN_VALUE, false);
        }
        final int cycle = reader.cycleOf(index);
        return new JournalEnd(index,
            DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.ofEpochMilli(reader.cycleStartMs(cycle)).atOffset(ZoneOffset.UTC)) + "Z",
            reader.sequenceOf(index), walker.lastEpochNs(), walker.inSession());
    }

    String describe()
    {
        if (lastIndex < 0)
        {
            return "journal is empty";
        }
        return "journal ends at index " + Long.toHexString(lastIndex) + " (record " + sequence + " of the cycle starting " +
            cycleStart + "), " + IsoTime.format(lastEpochNs) + "; " +
            (sessionOpen ? "its last session has no session_end: the engine was killed, crashed, or is still writing" :
            "its last session ended");
    }

    void json(final JsonWriter json)
    {
        json.field("last_index", lastIndex)
            .field("last_index_hex", lastIndex < 0 ? null : Long.toHexString(lastIndex))
            .field("last_cycle_start", cycleStart)
            .field("last_record_time", lastEpochNs == Long.MIN_VALUE ? null : IsoTime.format(lastEpochNs))
            .field("last_session_open", sessionOpen);
    }
}
