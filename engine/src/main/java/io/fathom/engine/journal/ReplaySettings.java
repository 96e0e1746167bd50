package io.fathom.engine.journal;

import java.io.File;

/** A journal to replay through the book handler instead of connecting to the venue, and at what pace. */
public record ReplaySettings(File directory, ReplaySpeed speed)
{
}
