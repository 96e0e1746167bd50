package io.fathom.engine.status;

import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EngineCountersCloseTest
{
    @TempDir
    Path dir;

    /**
     * A Java-WebSocket read thread cannot be stopped mid-buffer: after the engine has aborted its socket it
     * may still hand over the frames it had read, and count them. That write must not touch unmapped memory
     * (it crashed a test JVM with SIGSEGV in AtomicCounter.increment).
     */
    @Test
    void aCounterWrittenAfterCloseDoesNotCrashAndTheFinalValueStands()
    {
        final EngineCounters counters = new EngineCounters(dir.toFile());
        final AtomicCounter afterHalt = counters.get(SystemCounter.MESSAGES_AFTER_HALT);
        afterHalt.increment();
        counters.close();

        for (int i = 0; i < 1_000; i++)
        {
            afterHalt.increment();
        }

        assertThat(counters.value(SystemCounter.MESSAGES_AFTER_HALT)).isEqualTo(1);
    }
}
