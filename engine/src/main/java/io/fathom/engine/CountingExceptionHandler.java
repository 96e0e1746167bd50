package io.fathom.engine;

import com.lmax.disruptor.ExceptionHandler;
import io.fathom.engine.ring.DepthEvent;
import io.fathom.engine.status.EngineCounters;
import io.fathom.engine.status.SystemCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts and records a handler's failure on an event, and goes on with the next event. */
final class CountingExceptionHandler implements ExceptionHandler<DepthEvent>
{
    private static final Logger LOG = LoggerFactory.getLogger(CountingExceptionHandler.class);

    private final EngineCounters counters;

    CountingExceptionHandler(final EngineCounters counters)
    {
        this.counters = counters;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final DepthEvent event)
    {
        counters.get(SystemCounter.HANDLER_ERRORS).increment();
        counters.recordError(ex);
        LOG.error("handler failed on sequence {}", sequence, ex);
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        LOG.error("handler failed to start", ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        LOG.error("handler failed to shut down", ex);
    }
}
