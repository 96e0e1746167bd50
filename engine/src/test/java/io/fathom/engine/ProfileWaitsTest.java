package io.fathom.engine;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileWaitsTest
{
    @Test
    void eachProfileIsFoundByItsIdAndWaitsItsOwnWay()
    {
        assertThat(Profile.find("shared-core")).isSameAs(Profile.SHARED_CORE);
        assertThat(Profile.find("LOW-LATENCY")).isSameAs(Profile.LOW_LATENCY);
        assertThat(Profile.find("sharedcore")).isNull();

        assertThat(Profile.LOW_LATENCY.newRingWaitStrategy()).isInstanceOf(BusySpinWaitStrategy.class);
        assertThat(Profile.LOW_LATENCY.newIoIdleStrategy()).isInstanceOf(BusySpinIdleStrategy.class);
        assertThat(Profile.BALANCED.newRingWaitStrategy()).isInstanceOf(SleepingWaitStrategy.class);
        assertThat(Profile.SHARED_CORE.newRingWaitStrategy()).isInstanceOf(SleepingWaitStrategy.class);
        assertThat(Profile.BALANCED.newIoIdleStrategy()).isInstanceOf(BackoffIdleStrategy.class);
    }

    /** Agrona's backoff goes to its parking phase after a few calls when it may neither spin nor yield. */
    @Test
    void sharedCoreIoAgentParksAfterNoSpinsOrYields()
    {
        final BackoffIdleStrategy sharedCore = (BackoffIdleStrategy)Profile.SHARED_CORE.newIoIdleStrategy();
        final BackoffIdleStrategy balanced = (BackoffIdleStrategy)Profile.BALANCED.newIoIdleStrategy();

        assertThat(sharedCore.alias()).isEqualTo(balanced.alias());
        assertThat(sharedCore.toString()).contains("maxSpins=0").contains("maxYields=0");
        assertThat(balanced.toString()).contains("maxSpins=100").contains("maxYields=10");
    }
}
