package io.fathom.engine;

import io.fathom.engine.ring.RingSettings;
import org.agrona.concurrent.Agent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who runs an agent in each mode, and when {@code invoke()} is refused. */
class EngineRunnersTest
{
    private static final RingSettings RING = new RingSettings(1024, 4, Duration.ofMillis(1));

    private final BuiltParts built = new BuiltParts();
    private final List<String> calls = new ArrayList<>();

    @Test
    void aDedicatedEngineRefusesToBeInvoked()
    {
        final EngineRunners runners = new EngineRunners(
            new ThreadingSettings(Profile.BALANCED, List.of(), EngineThreading.DEDICATED), RING, null, built, error -> { });

        assertThat(runners.consumers()).isInstanceOf(ThreadedConsumers.class);
        assertThatThrownBy(runners::invoke).isInstanceOf(IllegalStateException.class).hasMessageContaining("DEDICATED");
    }

    @Test
    void anInvokedAgentStartsOnTheCallersThreadAndClosesWithWhatWasBuilt()
    {
        final EngineRunners runners = new EngineRunners(
            new ThreadingSettings(Profile.BALANCED, List.of(), EngineThreading.INVOKER), RING, null, built, error -> { });
        final String me = Thread.currentThread().getName();

        assertThat(runners.consumers()).isInstanceOf(PolledConsumers.class);
        runners.startAgent(new RecordingAgent("fetcher"), 1);
        assertThat(calls).containsExactly("fetcher start on " + me);
        assertThat(built.closeAll()).isNull();
        assertThat(calls).containsExactly("fetcher start on " + me, "fetcher close on " + me);
    }

    private final class RecordingAgent implements Agent
    {
        private final String name;

        RecordingAgent(final String name)
        {
            this.name = name;
        }

        @Override
        public void onStart()
        {
            calls.add(name + " start on " + Thread.currentThread().getName());
        }

        @Override
        public int doWork()
        {
            calls.add(name + " work");
            return 1;
        }

        @Override
        public void onClose()
        {
            calls.add(name + " close on " + Thread.currentThread().getName());
        }

        @Override
        public String roleName()
        {
            return name;
        }
    }
}
