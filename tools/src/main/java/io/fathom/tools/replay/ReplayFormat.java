package io.fathom.tools.replay;

import java.util.Locale;

/** How {@code replay} prints records and books. */
enum ReplayFormat
{
    TEXT, JSONL, CSV;

    static ReplayFormat parse(final String text)
    {
        switch (text.toLowerCase(Locale.ROOT))
        {
            case "text":
                return TEXT;
            case "jsonl":
                return JSONL;
            case "csv":
                return CSV;
            default:
                throw new IllegalArgumentException("--format must be text, jsonl or csv (got '" + text + "')");
        }
    }
}
