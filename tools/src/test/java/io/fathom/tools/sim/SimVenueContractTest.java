package io.fathom.tools.sim;

import io.fathom.codec.DecodeResult;
import io.fathom.codec.DepthMessage;
import io.fathom.codec.Venue;
import io.fathom.codec.checksum.ChecksumBook;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import static io.fathom.tools.sim.SimTestSupport.QueueingClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every snapshot-on-subscribe venue of the simulator must do, checked with a raw WebSocket client and
 * the codec's decoder as the engine uses them: subscribe two instruments in the venue's own messages, keep a
 * reference book per instrument from the snapshot and the updates, and verify every checksum and sequence
 * the simulator sends; resubscribe for a fresh snapshot; break one checksum on purpose. Subclasses say how
 * the venue is spoken.
 */
abstract class SimVenueContractTest
{
    static final long SEED = 7;
    static final int UPDATES = 100;
    private static final int LEVEL_CAPACITY = 4_096;

    protected Simulator simulator;
    protected QueueingClient client;
    protected final DepthMessage message = new DepthMessage(LEVEL_CAPACITY);
    protected final Map<String, SimReferenceBook> books = new HashMap<>();
    protected final Map<String, Integer> updates = new HashMap<>();
    /** Instruments whose book failed its checksum: their updates are ignored until a snapshot, as an engine would. */
    protected final Set<String> resyncing = new HashSet<>();
    protected int checksumsVerified;
    protected int checksumMismatches;
    protected int sequenceBreaks;

    /** The venue under test. */
    abstract Venue venue();

    /** The frames that subscribe {@code names}. */
    abstract List<String> subscribeFrames(List<String> names);

    /** The frames that unsubscribe {@code name}. */
    abstract List<String> unsubscribeFrames(String name);

    /** Decodes one frame as the engine does. */
    abstract DecodeResult decode(UnsafeBuffer buffer, int length, DepthMessage out);

    /** Whether {@code text} is the venue's answer to unsubscribing {@code name}. */
    abstract boolean isUnsubscribeAck(String text, String name);

    /** A piece of the venue's answer to subscribing an unknown instrument. */
    abstract String unknownInstrumentError();

    /** The venue's unknown instrument name for {@link #unknownInstrumentError()}. */
    abstract String unknownInstrument();

    /** A new client book for one instrument (its depth and checksum digits). */
    SimReferenceBook newBook()
    {
        return SimReferenceBook.unlimited();
    }

    /** The venue's checksum of a client book; only called for a message with a checksum. */
    long checksum(final ChecksumBook book)
    {
        throw new AssertionError("the venue sends no checksum");
    }

    /** Whether every update carries a checksum. */
    boolean checksumsEveryUpdate()
    {
        return SimFaults.hasChecksum(venue());
    }

    /** Whether the venue numbers its messages so that a lost one shows (OKX seqId, Coinbase sequence_num). */
    boolean hasSequence()
    {
        return false;
    }

    /** Checks a depth message's sequence fields before it is applied; count breaks in {@link #sequenceBreaks}. */
    void checkSequence(final String symbol, final DepthMessage depth)
    {
    }

    /** Sees every frame's result, depth or not (Coinbase numbers them all). */
    void afterDecode(final DecodeResult result)
    {
    }

    /** A configured simulator of the venue; tests may change the rate and the instrument count. */
    SimulatorConfig config()
    {
        return new SimulatorConfig().venue(venue()).symbolCount(3).ratePerSecond(3_000).seed(SEED);
    }

    @AfterEach
    void tearDown() throws InterruptedException
    {
        SimTestSupport.close(client, simulator);
    }

    @Test
    void snapshotThenUpdatesKeepEveryChecksumAndSequence() throws Exception
    {
        start();
        subscribe(simulator.symbol(0), simulator.symbol(2));
        awaitUpdates(UPDATES, simulator.symbol(0), simulator.symbol(2));

        assertThat(books).containsOnlyKeys(simulator.symbol(0), simulator.symbol(2));
        assertThat(checksumMismatches).as("checksum mismatches").isZero();
        assertThat(sequenceBreaks).as("sequence breaks").isZero();
        if (checksumsEveryUpdate())
        {
            assertThat(checksumsVerified).isGreaterThanOrEqualTo(2 * UPDATES);
        }
        for (final SimReferenceBook book : books.values())
        {
            assertThat(book.crossed()).isFalse();
            assertThat(book.levelCount(DepthMessage.BID)).isPositive();
        }
        assertThat(simulator.subscriptions()).isEqualTo(2);
    }

    @Test
    void resubscribeSendsAFreshSnapshotOfTheBookAsItContinued() throws Exception
    {
        start();
        final String first = simulator.symbol(0);
        final String second = simulator.symbol(1);
        subscribe(first, second);
        awaitUpdates(50, first, second);

        simulator.pause();
        unsubscribe(first);
        final List<List<Long>> continued = books.remove(first).levels();
        sendAll(subscribeFrames(List.of(first)));
        assertThat(SimReferenceBook.levels(awaitSnapshot(first))).as("snapshot while paused").isEqualTo(continued);
        simulator.resume();
        awaitUpdates(50, first, second);

        unsubscribe(second);
        books.remove(second);
        awaitUpdates(30, first);
        assertThat(books).as("no update after unsubscribing").doesNotContainKey(second);
        sendAll(subscribeFrames(List.of(second)));
        awaitSnapshot(second);
        awaitUpdates(30, first, second);

        assertThat(checksumMismatches).as("checksum mismatches").isZero();
        assertThat(sequenceBreaks).as("sequence breaks").isZero();
    }

    @Test
    void corruptFaultBreaksExactlyOneChecksum() throws Exception
    {
        assumeTrue(SimFaults.hasChecksum(venue()), "a checksum venue");
        start();
        subscribe(simulator.symbol(0), simulator.symbol(1));
        awaitUpdates(20, simulator.symbol(0), simulator.symbol(1));
        assertThat(checksumMismatches).isZero();

        simulator.faults().corruptChecksums(1);
        while (checksumMismatches == 0)
        {
            nextDepth();
        }
        assertThat(resyncing).hasSize(1);
        resubscribeDropped();
        awaitUpdates(200, simulator.symbol(0), simulator.symbol(1));
        assertThat(checksumMismatches).as("checksum mismatches").isEqualTo(1);
        assertThat(simulator.faults().faultsInjected()).isEqualTo(1);
    }

    @Test
    void gapFaultShowsAsOneSequenceBreak() throws Exception
    {
        assumeTrue(hasSequence(), "a venue with a sequence");
        start();
        subscribe(simulator.symbol(0), simulator.symbol(1));
        awaitUpdates(20, simulator.symbol(0), simulator.symbol(1));

        simulator.faults().skipSequence(1);
        while (sequenceBreaks == 0)
        {
            nextDepth();
        }
        resubscribeDropped();
        awaitUpdates(50, simulator.symbol(0), simulator.symbol(1));
        assertThat(sequenceBreaks).as("sequence breaks").isEqualTo(1);
        assertThat(checksumMismatches).as("checksum mismatches").isZero();
        assertThat(simulator.faults().faultsInjected()).isEqualTo(1);
    }

    @Test
    void malformedFramesFailToDecodeAndDropAllCutsTheConnection() throws Exception
    {
        start();
        subscribe(simulator.symbol(0));
        awaitUpdates(10, simulator.symbol(0));

        simulator.faults().malformedFrames(2);
        int failed = 0;
        while (failed < 2)
        {
            final byte[] bytes = client.next().getBytes(StandardCharsets.UTF_8);
            final DecodeResult result = decode(new UnsafeBuffer(bytes), bytes.length, message);
            afterDecode(result);
            failed += result.isError() ? 1 : 0;
        }
        simulator.faults().dropAllConnections();
        SimTestSupport.await("the connection cut", () -> client.closeCode == 1006);
        assertThat(simulator.faults().faultsInjected()).isEqualTo(3);
    }

    @Test
    void unknownInstrumentGetsTheVenueError() throws Exception
    {
        start();
        sendAll(subscribeFrames(List.of(unknownInstrument())));
        assertThat(awaitText((text) -> text.contains(unknownInstrumentError()))).contains(unknownInstrument());
        assertThat(simulator.subscriptions()).isZero();
    }

    /** What a codec protocol method writes, as text. */
    static String text(final ToIntFunction<ExpandableArrayBuffer> writer)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        return buffer.getStringWithoutLengthAscii(0, writer.applyAsInt(buffer));
    }

    protected void start() throws InterruptedException
    {
        simulator = Simulator.start(config());
        client = QueueingClient.connect(simulator.wsUrl() + "/any/path");
    }

    protected void subscribe(final String... names)
    {
        sendAll(subscribeFrames(List.of(names)));
    }

    /** Unsubscribes and reads, applying depth frames, up to the venue's acknowledgement. */
    protected void unsubscribe(final String name) throws InterruptedException
    {
        sendAll(unsubscribeFrames(name));
        awaitText((text) -> isUnsubscribeAck(text, name));
    }

    protected void sendAll(final List<String> frames)
    {
        frames.forEach(client::send);
    }

    /** Reads until every named instrument has had at least {@code count} more updates. */
    protected void awaitUpdates(final int count, final String... names) throws InterruptedException
    {
        final Map<String, Integer> targets = new HashMap<>();
        for (final String name : names)
        {
            targets.put(name, updates.getOrDefault(name, 0) + count);
        }
        while (targets.entrySet().stream().anyMatch((target) -> updates.getOrDefault(target.getKey(), 0) < target.getValue()))
        {
            nextDepth();
        }
    }

    /** Reads until the snapshot of {@code name} and returns it, applied. */
    protected DepthMessage awaitSnapshot(final String name) throws InterruptedException
    {
        while (true)
        {
            final String symbol = nextDepth();
            if (symbol.equals(name) && message.kind() == DepthMessage.KIND_SNAPSHOT)
            {
                return message;
            }
        }
    }

    /** Reads, applying depth frames, until a non-depth frame matches; returns it. */
    protected String awaitText(final Predicate<String> predicate) throws InterruptedException
    {
        while (true)
        {
            final String text = client.next();
            if (!process(text) && predicate.test(text))
            {
                return text;
            }
        }
    }

    /** Reads frames up to the next depth message, applies it and returns its symbol. */
    protected String nextDepth() throws InterruptedException
    {
        while (true)
        {
            if (process(client.next()))
            {
                return message.symbolAsString();
            }
        }
    }

    /**
     * Decodes a frame and, when it is depth, checks it against the reference book and applies it.
     *
     * @return whether it was depth.
     */
    private boolean process(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        final int breaksBefore = sequenceBreaks;
        final DecodeResult result = decode(new UnsafeBuffer(bytes), bytes.length, message);
        afterDecode(result);
        if (sequenceBreaks > breaksBefore)
        {
            resyncAll();
        }
        if (result == DecodeResult.IGNORED)
        {
            return false;
        }
        assertThat(result).as("decoding " + text).isEqualTo(DecodeResult.DEPTH);
        final String symbol = message.symbolAsString();
        final boolean snapshot = message.kind() == DepthMessage.KIND_SNAPSHOT;
        if (snapshot && !books.containsKey(symbol))
        {
            books.put(symbol, newBook());
        }
        if (resyncing.contains(symbol) && !snapshot)
        {
            return true;
        }
        resyncing.remove(symbol);
        final SimReferenceBook book = books.get(symbol);
        if (book == null)
        {
            return fail("an update of " + symbol + " without a snapshot since subscribing: " + text);
        }
        checkSequence(symbol, message);
        if (sequenceBreaks > breaksBefore)
        {
            resync(symbol);
            return true;
        }
        if (!snapshot)
        {
            checkDeletionsHeld(book, text);
            updates.merge(symbol, 1, Integer::sum);
        }
        book.apply(message);
        if (checksumsEveryUpdate() && !snapshot)
        {
            assertThat(message.hasChecksum()).as("checksum on " + text).isTrue();
        }
        if (message.hasChecksum())
        {
            if (checksum(book) == message.checksum())
            {
                checksumsVerified++;
            }
            else
            {
                checksumMismatches++;
                resync(symbol);
            }
        }
        return true;
    }

    /** Drops a book that can no longer be trusted; its updates are ignored until a snapshot. */
    private void resync(final String symbol)
    {
        books.remove(symbol);
        resyncing.add(symbol);
    }

    /** A connection-wide sequence broke: no book of the connection can be trusted. */
    private void resyncAll()
    {
        for (final String symbol : List.copyOf(books.keySet()))
        {
            resync(symbol);
        }
    }

    /** Resubscribes every instrument whose book was dropped, as an engine resyncs, and awaits the snapshots. */
    protected void resubscribeDropped() throws InterruptedException
    {
        for (final String symbol : List.copyOf(resyncing))
        {
            unsubscribe(symbol);
            sendAll(subscribeFrames(List.of(symbol)));
            awaitSnapshot(symbol);
        }
    }

    /** A venue never removes a level its client does not hold: not an absent one, not one pushed out of depth. */
    private void checkDeletionsHeld(final SimReferenceBook book, final String text)
    {
        final List<List<Long>> held = book.levels();
        for (int i = 0; i < message.levelCount(); i++)
        {
            if (message.quantity(i) == 0)
            {
                final long side = message.side(i);
                final long price = message.price(i);
                assertThat(held.stream().anyMatch((level) -> level.get(0) == side && level.get(1) == price))
                    .as("removal of a held level in " + text).isTrue();
            }
        }
    }
}
