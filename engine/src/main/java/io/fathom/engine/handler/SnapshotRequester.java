package io.fathom.engine.handler;

/** Asks the control plane for a venue snapshot of one instrument. Must not block the caller. */
@FunctionalInterface
public interface SnapshotRequester
{
    void requestSnapshot(int instrumentId);
}
