package io.fathom.codec.checksum;

import java.util.ArrayList;
import java.util.List;

/**
 * What a test replay of a recording through a decoder and {@link ReferenceBook}s found.
 */
public final class ReplayResult
{
    public int snapshots;
    public int deltas;
    public int ignored;
    public int errors;
    public int checksummed;
    public int checksumOk;
    public final List<Long> mismatchLines = new ArrayList<>();

    @Override
    public String toString()
    {
        return "snapshots=" + snapshots + " deltas=" + deltas + " ignored=" + ignored + " errors=" + errors +
            " checksummed=" + checksummed + " ok=" + checksumOk + " mismatches at lines " + mismatchLines;
    }
}
