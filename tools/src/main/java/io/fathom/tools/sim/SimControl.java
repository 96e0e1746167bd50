package io.fathom.tools.sim;

/**
 * What a client's text frame asks of the simulator, parsed on a WebSocket thread and applied on the
 * generator thread, which alone touches books and subscriptions.
 */
@FunctionalInterface
interface SimControl
{
    /** Generator thread: applies the request for {@code session} and answers it. */
    void apply(SimSession session);
}
