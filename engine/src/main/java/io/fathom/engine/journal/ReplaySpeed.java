package io.fathom.engine.journal;

import io.fathom.engine.InvalidSettingException;

import java.util.Locale;

/** How fast {@code run --source journal:DIR} replays. */
public enum ReplaySpeed
{
    /** As fast as the book handler consumes. */
    MAX,
    /** Each record once as much time has passed since the first as had passed when it was written. */
    RECORDED;

    /** Parses {@code max} or {@code recorded}. */
    public static ReplaySpeed parse(final String text)
    {
        switch (text.toLowerCase(Locale.ROOT))
        {
            case "max":
                return MAX;
            case "recorded":
                return RECORDED;
            default:
                throw new InvalidSettingException("replaySpeed", "must be max or recorded (got '" + text + "')");
        }
    }
}
