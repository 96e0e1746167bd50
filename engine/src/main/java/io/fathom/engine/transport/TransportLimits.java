package io.fathom.engine.transport;

/**
 * The limits every connection of a selector transport keeps: connect, pings, message length.
 *
 * @param connectTimeoutNs TCP connect and upgrade must be done within this.
 * @param pingIntervalNs   how often an open connection pings; without a pong for 1.5 intervals it is dropped.
 * @param maxMessageBytes  a longer message is refused and its connection closed with 1009.
 */
public record TransportLimits(long connectTimeoutNs, long pingIntervalNs, int maxMessageBytes)
{
}
