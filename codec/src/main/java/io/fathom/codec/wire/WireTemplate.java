package io.fathom.codec.wire;

/** Template ids of the published book stream; ids are never reused. */
public final class WireTemplate
{
    /** An instrument's symbol and scales ({@link InstrumentDefinition}). */
    public static final short INSTRUMENT = 1;
    /** A whole valid book ({@link BookSnapshot}). */
    public static final short SNAPSHOT = 2;
    /** Levels changed by one applied venue message, or one part of it ({@link LevelChanges}). */
    public static final short DELTA = 3;
    /** A book stopped being valid ({@link BookInvalid}). */
    public static final short INVALID = 4;
    /** A subscriber asks for books whole, on the control stream ({@link SnapshotRequest}). */
    public static final short SNAPSHOT_REQUEST = 5;

    private WireTemplate()
    {
    }
}
