package io.fathom.engine;

import java.util.List;

/**
 * How the handler threads run: the wait profile and, under {@link Profile#LOW_LATENCY}, the CPUs they are
 * pinned to in order (book handler, then journal handler).
 */
public record ThreadingSettings(Profile profile, List<Integer> handlerCpus)
{
}
