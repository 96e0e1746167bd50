package io.fathom.engine.feed;

import java.io.File;
import java.time.Duration;

/**
 * How the feeds' WebSockets are made: the client, the connect timeout (TCP connect and handshake), the
 * ping interval (a connection without a pong for 1.5 intervals is dropped), and where to record every
 * frame and REST snapshot received.
 *
 * @param captureFile null: nothing recorded.
 */
public record WebSocketSettings(Transport transport, Duration connectTimeout, Duration pingInterval, File captureFile)
{
}
