package io.fathom.codec.binance;

import io.fathom.codec.json.JsonScanner;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * The Binance depth fields {@link BinanceDepthDecoder} reads, as small ids usable as bit positions, and
 * the lookup from a scanned key to its id.
 */
final class BinanceDepthFields
{
    static final int UNKNOWN = -1;
    static final int TYPE = 0;
    static final int EVENT_TIME = 1;
    static final int SYMBOL = 2;
    static final int FIRST_ID = 3;
    static final int LAST_ID = 4;
    static final int PREVIOUS_ID = 5;
    static final int LAST_UPDATE_ID = 6;
    static final int BIDS = 7;
    static final int ASKS = 8;
    static final int COUNT = 9;

    /** The combined-stream envelope's {@code data}: a container, not a field. */
    static final int ENVELOPE_DATA = COUNT;

    static final int STREAM_REQUIRED =
        bit(EVENT_TIME) | bit(SYMBOL) | bit(FIRST_ID) | bit(LAST_ID) | bit(BIDS) | bit(ASKS);
    static final int SNAPSHOT_REQUIRED = bit(LAST_UPDATE_ID) | bit(BIDS) | bit(ASKS);

    static final byte[] DEPTH_UPDATE = "depthUpdate".getBytes(US_ASCII);

    private static final byte[] PREVIOUS_ID_KEY = "pu".getBytes(US_ASCII);
    private static final byte[] DATA_KEY = "data".getBytes(US_ASCII);
    private static final byte[] LAST_UPDATE_ID_KEY = "lastUpdateId".getBytes(US_ASCII);
    private static final byte[] BIDS_KEY = "bids".getBytes(US_ASCII);
    private static final byte[] ASKS_KEY = "asks".getBytes(US_ASCII);

    private BinanceDepthFields()
    {
    }

    static int bit(final int field)
    {
        return 1 << field;
    }

    /**
     * Identifies the key just scanned in a WebSocket event; escaped keys are never known fields.
     *
     * @param topLevel whether the key belongs to the outermost object, where {@code data} is the envelope.
     */
    static int streamField(final JsonScanner scanner, final boolean topLevel)
    {
        if (scanner.tokenEscaped())
        {
            return UNKNOWN;
        }
        switch (scanner.tokenLength())
        {
            case 1:
                return singleLetterField(scanner.buffer().getByte(scanner.tokenOffset()));

            case 2:
                return scanner.tokenEquals(PREVIOUS_ID_KEY) ? PREVIOUS_ID : UNKNOWN;

            case 4:
                return topLevel && scanner.tokenEquals(DATA_KEY) ? ENVELOPE_DATA : UNKNOWN;

            default:
                return UNKNOWN;
        }
    }

    /** Identifies the key just scanned in a REST snapshot. */
    static int snapshotField(final JsonScanner scanner)
    {
        if (scanner.tokenEquals(LAST_UPDATE_ID_KEY))
        {
            return LAST_UPDATE_ID;
        }
        if (scanner.tokenEquals(BIDS_KEY))
        {
            return BIDS;
        }
        return scanner.tokenEquals(ASKS_KEY) ? ASKS : UNKNOWN;
    }

    private static int singleLetterField(final byte key)
    {
        switch (key)
        {
            case 'e':
                return TYPE;
            case 'E':
                return EVENT_TIME;
            case 's':
                return SYMBOL;
            case 'U':
                return FIRST_ID;
            case 'u':
                return LAST_ID;
            case 'b':
                return BIDS;
            case 'a':
                return ASKS;
            default:
                return UNKNOWN;
        }
    }
}
