package io.fathom.engine;

import java.util.List;

/**
 * A setting of an {@link EngineContext} that {@link EngineContext#conclude()} refused. The message is the
 * setting's name and what it must be, e.g. {@code ringSize must be a power of two in 1024..16777216 (got 100)};
 * a front end that knows the setting by another name (a command-line option) rebuilds it from
 * {@link #setting()}, {@link #reason()} and {@link #related()}.
 */
public final class InvalidSettingException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String reason;
    private final List<String> related;

    /**
     * @param setting the setting refused, as its {@link EngineContext} setter is named.
     * @param reason  what it must be, with the value given.
     * @param related other settings the reason names, as their setters are named.
     */
    public InvalidSettingException(final String setting, final String reason, final String... related)
    {
        super(setting + " " + reason);
        this.setting = setting;
        this.reason = reason;
        this.related = List.of(related);
    }

    public String setting()
    {
        return setting;
    }

    public String reason()
    {
        return reason;
    }

    /** Settings named in {@link #reason()}, by their setters' names. */
    public List<String> related()
    {
        return related;
    }
}
