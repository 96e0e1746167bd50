package io.fathom.codec.bitget;

/**
 * The Bitget recording's name, shared with other packages' tests.
 */
public final class BitgetRealDataTestFiles
{
    public static final String FILE = "bitget_spot_v1_books_8inst.ws.txt";

    private BitgetRealDataTestFiles()
    {
    }
}
