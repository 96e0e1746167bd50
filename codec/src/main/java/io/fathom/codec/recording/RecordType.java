package io.fathom.codec.recording;

/**
 * The kind of one line in a recording, by its arrow.
 */
public enum RecordType
{
    /** {@code <url> <-> <ts>}: a WebSocket connection opened; no payload. */
    OPEN,

    /** {@code <url> <- <ts>: <payload>}: a frame the client sent, such as a subscription. */
    SENT,

    /** {@code <ts>: <payload>}: a frame received from the exchange. */
    RECEIVED,

    /** {@code <url> -> <ts>: <payload>}: a REST GET of the url and its response body. */
    HTTP
}
