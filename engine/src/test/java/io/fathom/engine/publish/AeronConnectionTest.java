package io.fathom.engine.publish;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.exceptions.DriverTimeoutException;
import io.fathom.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class AeronConnectionTest
{
    @TempDir
    Path dir;

    /**
     * Aeron's default error handler exits the JVM when the client's driver goes away; an engine or a subscriber
     * outlives its driver, sees its client closed and is told why.
     */
    @Test
    void aClientWhoseDriverShutsDownClosesAndTellsItsOwnerWithoutEndingTheProcess()
    {
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        final MediaDriver driver = MediaDriver.launch(new MediaDriver.Context().aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED).dirDeleteOnStart(true).dirDeleteOnShutdown(true));
        try (AeronConnection connection = AeronConnection.open(new File(driver.aeronDirectoryName()), "test", false, errors::add))
        {
            driver.close();

            Await.until(() -> connection.aeron().isClosed(), Duration.ofSeconds(30), "the client closed once its driver went");
            assertThat(errors).as("the owner is told").anyMatch(DriverTimeoutException.class::isInstance);
        }
    }
}
