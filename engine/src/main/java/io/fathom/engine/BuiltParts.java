package io.fathom.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What the engine has built and must close: closed newest first, when the engine closes or fails to launch, and
 * a part that fails to close does not stop the others. Used on the thread that launches or shuts the engine down.
 */
final class BuiltParts
{
    private final List<AutoCloseable> parts = new ArrayList<>();

    /** @return {@code part}, now closed with the rest. */
    <T extends AutoCloseable> T track(final T part)
    {
        parts.add(part);
        return part;
    }

    /** Closes every part, newest first; @return the first error, the later ones suppressed in it, or null. */
    Exception closeAll()
    {
        Exception error = null;
        for (int i = parts.size() - 1; i >= 0; i--)
        {
            try
            {
                parts.get(i).close();
            }
            catch (final Exception ex)
            {
                if (error == null)
                {
                    error = ex;
                }
                else
                {
                    error.addSuppressed(ex);
                }
            }
        }
        parts.clear();
        return error;
    }
}
