package io.fathom.codec.json;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;

/**
 * Reads a string value as a {@link DepthMessage}'s symbol: raw ASCII bytes, non-empty, free of escapes,
 * at most {@link DepthMessage#MAX_SYMBOL_LENGTH} long. A symbol outside ASCII is refused rather than
 * mangled, since tools print symbols as ASCII and two such symbols could print alike. Stateless.
 */
public final class JsonSymbol
{
    private JsonSymbol()
    {
    }

    /**
     * @param scratch at least {@link DepthMessage#MAX_SYMBOL_LENGTH} bytes, owned by the caller's thread.
     * @return false after recording {@link DecodeResult#INVALID_SYMBOL}, {@link DecodeResult#SYMBOL_TOO_LONG}
     * or a type error in the scanner.
     */
    public static boolean read(final JsonScanner scanner, final byte[] scratch, final DepthMessage out)
    {
        if (!scanner.readString())
        {
            return false;
        }
        final int length = scanner.tokenLength();
        if (0 == length || scanner.tokenEscaped())
        {
            return scanner.fail(DecodeResult.INVALID_SYMBOL, scanner.tokenOffset());
        }
        if (length > DepthMessage.MAX_SYMBOL_LENGTH)
        {
            return scanner.fail(DecodeResult.SYMBOL_TOO_LONG, scanner.tokenOffset());
        }
        scanner.buffer().getBytes(scanner.tokenOffset(), scratch, 0, length);
        for (int i = 0; i < length; i++)
        {
            if (scratch[i] < 0)
            {
                return scanner.fail(DecodeResult.INVALID_SYMBOL, scanner.tokenOffset() + i);
            }
        }
        return out.symbol(scratch, 0, length);
    }
}
