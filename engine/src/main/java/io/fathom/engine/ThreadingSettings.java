package io.fathom.engine;

import java.util.List;

/**
 * Who runs the engine and how its handler threads wait: the threading mode, the wait profile and, under
 * {@link Profile#LOW_LATENCY}, the CPUs the handler threads are pinned to in order (book handler, then journal
 * handler).
 */
public record ThreadingSettings(Profile profile, List<Integer> handlerCpus, EngineThreading mode)
{
    /** Whether the caller drives the engine through {@link Engine#invoke()}. */
    public boolean invoker()
    {
        return mode == EngineThreading.INVOKER;
    }
}
