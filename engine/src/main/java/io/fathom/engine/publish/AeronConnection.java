package io.fathom.engine.publish;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.IoUtil;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An Aeron client, on an external media driver's directory or on an embedded driver of its own. The embedded
 * driver suits a small host: one shared thread that sleeps when idle; its directory is unique (under /dev/shm
 * where there is one) and deleted on close. Opened invoked, neither the client's conductor nor the embedded driver
 * has a thread: the caller runs both through {@link #invoke()}.
 *
 * <p>The client never ends the process. Aeron's default error handler exits the JVM when the driver times the client
 * out (the driver shut down, or this process was stopped longer than the client liveness timeout); here the error goes
 * to the owner's handler and the client closes, which the owner sees as {@code aeron().isClosed()}.
 */
public final class AeronConnection implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(AeronConnection.class);

    private final MediaDriver driver;
    private final Aeron aeron;
    private final File directory;

    private AeronConnection(final MediaDriver driver, final Aeron aeron, final File directory)
    {
        this.driver = driver;
        this.aeron = aeron;
        this.directory = directory;
    }

    /**
     * Connects to the driver in {@code aeronDir}, or when it is null launches an embedded one named after
     * {@code role}; on failure closes what it started and rethrows.
     */
    public static AeronConnection open(final File aeronDir, final String role)
    {
        return open(aeronDir, role, false, error -> LOG.error("Aeron client of the {}", role, error));
    }

    /**
     * As {@link #open(File, String)}; {@code invoked}: the client's conductor and the embedded driver run only in
     * {@link #invoke()} (Aeron's {@code ThreadingMode.INVOKER} and conductor agent invoker), on the caller's thread.
     *
     * @param onError told of every error of the client, its driver's timeout included.
     */
    public static AeronConnection open(final File aeronDir, final String role, final boolean invoked, final ErrorHandler onError)
    {
        if (aeronDir != null)
        {
            return new AeronConnection(null, Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir.getPath())
                .useConductorAgentInvoker(invoked).errorHandler(onError)), aeronDir);
        }
        final File directory = embeddedDirectory(role);
        final MediaDriver driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(directory.getPath())
            .threadingMode(invoked ? ThreadingMode.INVOKER : ThreadingMode.SHARED)
            .asyncTaskExecutorThreads(invoked ? 0 : 1)
            .sharedIdleStrategy(new SleepingMillisIdleStrategy(1))
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .termBufferSparseFile(true));
        try
        {
            final Aeron.Context client = new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()).errorHandler(onError);
            if (invoked)
            {
                client.useConductorAgentInvoker(true).driverAgentInvoker(driver.sharedAgentInvoker());
            }
            return new AeronConnection(driver, Aeron.connect(client), directory);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(driver);
            throw ex;
        }
    }

    private static File embeddedDirectory(final String role)
    {
        final File shm = new File("/dev/shm");
        final File parent = shm.isDirectory() && shm.canWrite() ? shm : new File(System.getProperty("java.io.tmpdir"));
        return new File(parent, "fathom-" + role + "-" + ProcessHandle.current().pid() + "-" +
            Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFFL));
    }

    public Aeron aeron()
    {
        return aeron;
    }

    /** The media driver's directory; another process on this host connects to it for {@code aeron:ipc}. */
    public File directory()
    {
        return directory;
    }

    /** One duty cycle of the embedded driver and of the client's conductor where they have no thread; 0 otherwise. */
    public int invoke()
    {
        int work = 0;
        final AgentInvoker driverInvoker = driver == null ? null : driver.sharedAgentInvoker();
        if (driverInvoker != null)
        {
            work += driverInvoker.invoke();
        }
        final AgentInvoker conductor = aeron.conductorAgentInvoker();
        return conductor == null ? work : work + conductor.invoke();
    }

    /** Whether the driver is this connection's own, closed with it. */
    public boolean embedded()
    {
        return driver != null;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(aeron, driver);
        if (driver != null && directory.exists())
        {
            IoUtil.delete(directory, true);
        }
    }
}
