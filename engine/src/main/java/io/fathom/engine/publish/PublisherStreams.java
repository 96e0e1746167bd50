package io.fathom.engine.publish;

import io.aeron.ExclusivePublication;

/** The publisher's Aeron streams: the books it publishes, and the snapshot requests it reads. */
record PublisherStreams(ExclusivePublication books, SnapshotRequests requests)
{
}
