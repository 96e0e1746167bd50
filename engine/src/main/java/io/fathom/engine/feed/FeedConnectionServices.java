package io.fathom.engine.feed;

import io.fathom.codec.venue.FrameDecoder;
import io.fathom.engine.ring.DepthPublisher;
import io.fathom.engine.status.EngineCounters;
import org.agrona.concurrent.EpochNanoClock;

import java.util.function.Supplier;

/**
 * What every {@link FeedConnection} of an engine shares, built once: each connection takes its own
 * publisher and decoder from the suppliers, since both are used only on that connection's feed thread.
 *
 * @param instruments         the engine's instruments, looked up by symbol.
 * @param activity            what the feeds received, per instrument.
 * @param publishers          a new ring publisher per connection.
 * @param decoders            a new frame decoder per connection.
 * @param capture             records every frame received; null when not recording.
 * @param maxLevelsPerMessage the size of each connection's reusable message.
 * @param counters            the engine's counters.
 * @param epochClock          stamps received frames.
 * @param transports          opens each connection's WebSocket.
 */
public record FeedConnectionServices(
    InstrumentTable instruments,
    FeedActivity activity,
    Supplier<DepthPublisher> publishers,
    Supplier<FrameDecoder> decoders,
    FrameCapture capture,
    int maxLevelsPerMessage,
    EngineCounters counters,
    EpochNanoClock epochClock,
    WebSocketTransport.Factory transports)
{
}
