package io.fathom.engine;

import io.fathom.engine.feed.Transport;
import io.fathom.engine.journal.RetentionPolicy;
import io.fathom.engine.transport.IoThreading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What an engine driven by its caller accepts, and each refusal of what would keep a thread of its own. */
class InvokerSettingsTest
{
    @TempDir
    Path dir;

    @Test
    void dedicatedIsTheDefaultAndItsIoAgentsHaveThreads()
    {
        final EngineContext context = context().conclude();

        assertThat(context.threading().mode()).isEqualTo(EngineThreading.DEDICATED);
        assertThat(context.threading().invoker()).isFalse();
        assertThat(context.selector().threading()).isEqualTo(IoThreading.DEDICATED);
    }

    @Test
    void invokerWithTheSelectorTransportDrivesItsIoAgentsToo()
    {
        final EngineContext context = invoker().conclude();

        assertThat(context.threading().mode()).isEqualTo(EngineThreading.INVOKER);
        assertThat(context.threading().invoker()).isTrue();
        assertThat(context.selector().threading()).isEqualTo(IoThreading.INVOKER);
    }

    @Test
    void refusesTransportsWithThreadsOfTheirOwn()
    {
        for (final Transport transport : List.of(Transport.JAVA_WEBSOCKET, Transport.JDK))
        {
            final InvalidSettingException refused = refusal(c -> c.transport(transport));
            assertThat(refused.setting()).isEqualTo("transport");
            assertThat(refused.getMessage()).contains(transport.id(), "selector", "INVOKER");
            assertThat(refused.related()).containsExactly("engineThreading");
        }
    }

    @Test
    void aJournalReplayNeedsNoTransport() throws Exception
    {
        final java.io.File replayed = java.nio.file.Files.createDirectories(dir.resolve("replayed")).toFile();
        final EngineContext context = context().replayJournal(replayed).engineThreading(EngineThreading.INVOKER).conclude();

        assertThat(context.threading().invoker()).isTrue();
        assertThat(context.transport()).isEqualTo(Transport.JAVA_WEBSOCKET);
    }

    @Test
    void refusesTheMetricsServer()
    {
        assertThat(refusal(c -> c.metricsPort(9464)).setting()).isEqualTo("metricsPort");
    }

    @Test
    void refusesHandlerCpus()
    {
        assertThat(refusal(c -> c.profile(Profile.LOW_LATENCY).handlerCpus(List.of(0))).setting()).isEqualTo("handlerCpus");
    }

    @Test
    void keepsJournalRetentionInvokedToo()
    {
        assertThat(invoker().journalRetention(RetentionPolicy.parse("7d")).conclude().journal().retention().keepsEverything())
            .isFalse();
    }

    @Test
    void publishesOverAeronWithTheClientAndDriverInvokedToo()
    {
        final EngineContext context = invoker();
        context.publish().channel("aeron:ipc");

        assertThat(context.conclude().publish().enabled()).isTrue();
    }

    @Test
    void refusesNoMode()
    {
        assertThat(refusal(c -> c.engineThreading(null)).setting()).isEqualTo("engineThreading");
    }

    private InvalidSettingException refusal(final UnaryOperator<EngineContext> change)
    {
        final EngineContext context = change.apply(invoker());
        final Throwable refused = catchThrowable(context::conclude);
        assertThat(refused).as("a refusal").isInstanceOf(InvalidSettingException.class);
        assertThat(context.isConcluded()).isFalse();
        return (InvalidSettingException)refused;
    }

    private EngineContext invoker()
    {
        return context().transport(Transport.SELECTOR).engineThreading(EngineThreading.INVOKER);
    }

    private EngineContext context()
    {
        return new EngineContext()
            .venue("binance")
            .symbols("S0", "S1")
            .runDir(dir.resolve("run").toFile())
            .journalDir(dir.resolve("journal").toFile());
    }
}
