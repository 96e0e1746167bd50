package io.fathom.engine.ring;

import io.fathom.testing.Await;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ProducerGateTest
{
    @Test
    void refusesEntryAfterClose()
    {
        final ProducerGate gate = new ProducerGate();
        final ProducerGate.Permit permit = gate.newPermit();
        assertThat(permit.enter()).isTrue();
        permit.exit();
        assertThat(gate.close(SystemNanoClock.INSTANCE, System.nanoTime() + 1_000_000_000L)).isTrue();
        assertThat(permit.enter()).isFalse();
    }

    @Test
    void closeWaitsForAProducerInside() throws Exception
    {
        final ProducerGate gate = new ProducerGate();
        final ProducerGate.Permit permit = gate.newPermit();
        assertThat(permit.enter()).isTrue();

        final CountDownLatch closing = new CountDownLatch(1);
        final AtomicBoolean closed = new AtomicBoolean();
        final Thread closer = new Thread(() ->
        {
            closing.countDown();
            closed.set(gate.close(SystemNanoClock.INSTANCE, System.nanoTime() + 10_000_000_000L));
        });
        closer.start();
        closing.await();
        Await.until(gate::isClosed, Duration.ofSeconds(5), "the gate closed to new entries");
        assertThat(closer.isAlive()).as("close returned while a producer was inside").isTrue();
        permit.exit();
        closer.join(10_000);
        assertThat(closed).isTrue();
    }

    @Test
    void closeReportsAProducerStillInsideAtTheDeadline()
    {
        final ProducerGate gate = new ProducerGate();
        final ProducerGate.Permit permit = gate.newPermit();
        assertThat(permit.enter()).isTrue();
        assertThat(gate.close(SystemNanoClock.INSTANCE, System.nanoTime() + 10_000_000L)).isFalse();
    }
}
