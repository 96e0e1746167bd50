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

    @Test
    void invokeRunsEveryAgentOnceInTheDocumentedOrderAndSumsTheirWork()
    {
        final EngineRunners runners = invoker();
        runners.startStatus(new RecordingAgent("status"), 10);
        runners.startAgent(new RecordingAgent("fetcher"), 1);
        runners.startAgent(new RecordingAgent("supervisor"), 1);
        calls.clear();

        assertThat(runners.invoke()).isEqualTo(3);
        assertThat(runners.invoke()).isEqualTo(3);
        assertThat(calls).containsExactly("fetcher work", "supervisor work", "status work",
            "fetcher work", "supervisor work", "status work");
    }

    @Test
    void invokeIsRefusedOffTheLaunchingThreadInsideACycleAndOnceTakenOver() throws Exception
    {
        final EngineRunners runners = invoker();
        final List<Throwable> errors = new ArrayList<>();
        final EngineRunners reentered = new EngineRunners(
            new ThreadingSettings(Profile.BALANCED, List.of(), EngineThreading.INVOKER), RING, null, built, errors::add);
        reentered.startAgent(new RecordingAgent("listener")
        {
            @Override
            public int doWork()
            {
                return reentered.invoke();
            }
        }, 1);

        final Throwable elsewhere = java.util.concurrent.CompletableFuture.supplyAsync(() ->
            org.assertj.core.api.Assertions.catchThrowable(runners::invoke)).get();
        assertThat(elsewhere).isInstanceOf(IllegalStateException.class).hasMessageContaining("launched this engine");

        assertThat(reentered.invoke()).isZero();
        assertThat(errors).singleElement().isInstanceOf(IllegalStateException.class)
            .extracting(Throwable::getMessage).asString().contains("driven by one thread");

        assertThat(runners.takeOver(org.agrona.concurrent.SystemNanoClock.INSTANCE, System.nanoTime())).isNull();
        assertThatThrownBy(runners::invoke).isInstanceOf(IllegalStateException.class).hasMessageContaining("shut down");
    }

    private EngineRunners invoker()
    {
        return new EngineRunners(
            new ThreadingSettings(Profile.BALANCED, List.of(), EngineThreading.INVOKER), RING, null, built, error -> { });
    }

    private class RecordingAgent implements Agent
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
