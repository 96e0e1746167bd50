package io.fathom.engine.feed;

import io.fathom.codec.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionSlotTest
{
    private static final long TIMEOUT_NS = 1_000;
    private static final long LIFETIME_NS = 100_000;
    private static final int MAX_ATTEMPTS = 3;

    @TempDir
    Path runDir;

    private final CountersManager counterFile = new CountersManager(
        new UnsafeBuffer(new byte[64 * 1024]), new UnsafeBuffer(new byte[16 * 1024]));
    private final LaunchQueue launches = new LaunchQueue();
    private final ConnectionBudget budget = new ConnectionBudget(new ConnectionLimits(
        2, new RateLimiter(1_000, 10, 0), 4, 8, 100, 1_000, MAX_ATTEMPTS, 0, LIFETIME_NS, TIMEOUT_NS));
    private final Backoff backoff = new Backoff(100, 1_000);
    private final FeedGroup group = new FeedGroup(
        new FeedGroupSpec("g", List.of("BTCUSDT", "ETHUSDT"), FeedGroupPolicy.ISOLATE, Duration.ZERO, false), new int[] {0, 1});
    private FakeClients clients;
    private ConnectionSlot slot;

    @BeforeEach
    void setUp()
    {
        clients = new FakeClients(runDir.toFile(), List.of("BTCUSDT", "ETHUSDT"));
        slot = newSlot(7);
    }

    @AfterEach
    void tearDown()
    {
        clients.close();
    }

    @Test
    void connectsOpensAndCountsAsOpen()
    {
        slot.scheduleConnect(50);
        assertThat(launches.peek()).isSameAs(slot);
        assertThat(launches.peekDueNs()).isEqualTo(50);

        final FeedConnection client = clients.newClient(slot.id);
        assertThat(slot.connect(client, 50 + TIMEOUT_NS)).as("a first connect is no reconnect").isFalse();
        assertThat(slot.state()).isEqualTo(ConnectionSlot.State.CONNECTING);
        assertThat(launches.size()).as("a connecting connection waits for nothing").isZero();
        assertThat(group.holdsSockets()).isTrue();

        assertThat(slot.onOpened(60)).isTrue();
        assertThat(slot.state()).isEqualTo(ConnectionSlot.State.OPEN);
        assertThat(slot.counters().state().get()).isEqualTo(ConnectionSlot.State.OPEN.ordinal());
        assertThat(budget.open()).isEqualTo(1);
        assertThat(slot.attempts()).as("an open resets the attempts").isZero();
        assertThat(launches.peek()).as("its rotation is scheduled").isSameAs(slot);
        assertThat(launches.peekDueNs()).isBetween(60 + LIFETIME_NS * 85 / 100, 60 + LIFETIME_NS * 95 / 100);
    }

    @Test
    void lostClientBacksOffThenReconnects()
    {
        open(slot, 0);

        assertThat(slot.onClosed(false, MAX_ATTEMPTS)).isEqualTo(ConnectionSlot.Loss.RETRY);
        assertThat(slot.client()).isNull();
        assertThat(group.holdsSockets()).isFalse();
        final long delayNs = slot.scheduleReconnect(10, backoff);
        assertThat(slot.state()).isEqualTo(ConnectionSlot.State.BACKOFF);
        assertThat(budget.open()).isZero();
        assertThat(launches.peek()).isSameAs(slot);
        assertThat(launches.peekDueNs()).isEqualTo(10 + delayNs);

        assertThat(slot.connect(clients.newClient(slot.id), 20)).as("after a lost client, a reconnect").isTrue();
        assertThat(slot.counters().reconnects().get()).isEqualTo(1);
    }

    @Test
    void givesUpWhenAttemptsAreExhausted()
    {
        slot.scheduleConnect(0);
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++)
        {
            slot.connect(clients.newClient(slot.id), TIMEOUT_NS);
            assertThat(slot.onClosed(false, MAX_ATTEMPTS)).isEqualTo(ConnectionSlot.Loss.RETRY);
            slot.scheduleReconnect(0, backoff);
        }
        slot.connect(clients.newClient(slot.id), TIMEOUT_NS);
        assertThat(slot.onClosed(false, MAX_ATTEMPTS)).isEqualTo(ConnectionSlot.Loss.GIVE_UP);
        slot.onFailed();

        assertThat(slot.state()).isEqualTo(ConnectionSlot.State.FAILED);
        assertThat(slot.isTerminal()).isTrue();
        assertThat(launches.size()).isZero();
    }

    @Test
    void lastFeedCancelledClosesTheConnection()
    {
        open(slot, 0);
        assertThat(slot.feeds().unsubscribe(0)).isEqualTo(1);
        assertThat(slot.feeds().unsubscribe(0)).as("unsubscribing twice changes nothing").isEqualTo(1);
        assertThat(slot.feeds().unsubscribe(1)).isZero();

        slot.markClosing();
        assertThat(slot.state()).isEqualTo(ConnectionSlot.State.CLOSING);
        assertThat(clients.transport(0).closes).isEqualTo(1);
        assertThat(slot.onClosed(false, MAX_ATTEMPTS)).isEqualTo(ConnectionSlot.Loss.CLOSE);
        slot.close();

        assertThat(slot.state()).isEqualTo(ConnectionSlot.State.CLOSED);
        assertThat(slot.holdsSocket()).isFalse();
        assertThat(budget.open()).isZero();
    }

    @Test
    void clientOpeningWhileClosingLeavesItClosing()
    {
        slot.scheduleConnect(0);
        slot.connect(clients.newClient(slot.id), TIMEOUT_NS);
        slot.feeds().unsubscribe(0);
        slot.feeds().unsubscribe(1);
        slot.markClosing();

        assertThat(slot.onOpened(5)).isFalse();
        assertThat(slot.state()).isEqualTo(ConnectionSlot.State.CLOSING);
        assertThat(slot.hasOpened()).as("its loss closes an open connection").isTrue();
        assertThat(budget.open()).isZero();
    }

    @Test
    void lostClientOfAClosedConnectionOnlyReleasesItsSocket()
    {
        open(slot, 0);
        slot.feeds().unsubscribe(0);
        slot.feeds().unsubscribe(1);
        slot.markClosing();
        slot.close();

        assertThat(slot.onClosed(false, MAX_ATTEMPTS)).isEqualTo(ConnectionSlot.Loss.RELEASED);
        assertThat(group.holdsSockets()).isFalse();
    }

    @Test
    void rotationReplacesTheClientAndRetiresTheOldOne()
    {
        final FeedConnection first = open(slot, 0);
        final FeedConnection replacement = clients.newClient(slot.id);
        slot.startReplacement(replacement, TIMEOUT_NS);
        assertThat(launches.size()).as("no second rotation while one is under way").isZero();
        assertThat(slot.holdsSocket()).isTrue();

        assertThat(slot.onReplacementOpened(LIFETIME_NS)).isSameAs(first);
        assertThat(slot.client()).isSameAs(replacement);
        assertThat(slot.rotation().retiring()).isSameAs(first);
        assertThat(launches.peekDueNs()).as("the next rotation counts from the replacement's open")
            .isGreaterThanOrEqualTo(LIFETIME_NS + LIFETIME_NS * 85 / 100);
        assertThat(slot.onRetired()).as("the new client may subscribe").isTrue();
        assertThat(slot.rotation().retiring()).isNull();
    }

    @Test
    void replacementOpeningAfterTheClientWasLostTakesNothingOver()
    {
        open(slot, 0);
        slot.startReplacement(clients.newClient(slot.id), TIMEOUT_NS);

        assertThat(slot.onClosed(false, MAX_ATTEMPTS)).isEqualTo(ConnectionSlot.Loss.RETRY);
        assertThat(clients.transport(1).closes).as("the replacement is closed with the client").isEqualTo(1);
        slot.scheduleReconnect(0, backoff);
        assertThat(slot.onReplacementOpened(5)).isNull();
        assertThat(slot.client()).isNull();
        assertThat(group.holdsSockets()).isTrue();

        slot.onReplacementClosed(10);
        assertThat(group.holdsSockets()).isFalse();
        assertThat(slot.state()).isEqualTo(ConnectionSlot.State.BACKOFF);
    }

    @Test
    void failedReplacementRetriesTheRotationLater()
    {
        open(slot, 0);
        slot.startReplacement(clients.newClient(slot.id), TIMEOUT_NS);
        slot.onReplacementClosed(500);

        assertThat(slot.rotation().replacement()).isNull();
        assertThat(launches.peek()).isSameAs(slot);
        assertThat(launches.peekDueNs()).isEqualTo(500);
    }

    @Test
    void abandonsAHandshakeOnceItsDeadlinePasses()
    {
        slot.scheduleConnect(0);
        slot.connect(clients.newClient(slot.id), TIMEOUT_NS);

        assertThat(slot.isHandshakeOverdue(TIMEOUT_NS)).isFalse();
        assertThat(slot.isHandshakeOverdue(TIMEOUT_NS + 1)).isTrue();
        assertThat(slot.isHandshakeOverdue(TIMEOUT_NS + 2)).as("only once").isFalse();
    }

    @Test
    void refusesIllegalTransitions()
    {
        assertThatThrownBy(() -> slot.onOpened(0)).as("open with no client").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> slot.onClosed(false, MAX_ATTEMPTS)).as("lose no client").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> slot.scheduleReconnect(0, backoff)).as("back off from PENDING")
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(slot::onFailed).as("fail from PENDING").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(slot::markClosing).as("closing with nothing held").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> slot.startReplacement(clients.newClient(slot.id), 0)).as("rotate before open")
            .isInstanceOf(IllegalStateException.class);

        open(slot, 0);
        assertThatThrownBy(() -> slot.connect(clients.newClient(slot.id), 0)).as("connect while OPEN")
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> slot.onOpened(1)).as("open twice").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> slot.scheduleReconnect(1, backoff)).as("back off while the client is held")
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> slot.onReplacementOpened(1)).as("no replacement").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(slot::onRetired).as("nothing retiring").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> slot.scheduleConnect(1)).as("a first connect once opened")
            .isInstanceOf(IllegalStateException.class);
        slot.startReplacement(clients.newClient(slot.id), 0);
        assertThatThrownBy(() -> slot.startReplacement(clients.newClient(slot.id), 0)).as("two replacements")
            .isInstanceOf(IllegalStateException.class);

        slot.close();
        assertThatThrownBy(slot::close).as("close twice").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(slot::markClosing).as("closing once closed").isInstanceOf(IllegalStateException.class);
        assertThat(slot.state()).as("a refused transition changes nothing").isEqualTo(ConnectionSlot.State.CLOSED);
    }

    private FeedConnection open(final ConnectionSlot connection, final long nowNs)
    {
        connection.scheduleConnect(nowNs);
        final FeedConnection client = clients.newClient(connection.id);
        connection.connect(client, nowNs + TIMEOUT_NS);
        connection.onOpened(nowNs);
        return client;
    }

    private ConnectionSlot newSlot(final int id)
    {
        final ConnectionCounters counters = new ConnectionCounters(
            counterFile.newCounter("state"), counterFile.newCounter("messages"), counterFile.newCounter("reconnects"));
        return new ConnectionSlot(id, group, new int[] {0, 1}, counters,
            new SlotServices(launches, budget, VenueStreams.forVenue(Venue.BINANCE, 100), LIFETIME_NS));
    }
}
