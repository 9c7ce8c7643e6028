package io.kinesisconnect.sink.delivery;

import java.time.Duration;

/**
 * Runs a re-send later. The task uses a {@link RetryThread}; unit tests collect the re-sends and
 * run them when they choose.
 */
@FunctionalInterface
public interface RetryScheduler extends AutoCloseable {

    /** Runs {@code task} after {@code delay}, on a thread other than the task's. */
    void schedule(Runnable task, Duration delay);

    /** Drops re-sends not run yet; the records stay uncommitted and the next owner writes them. */
    @Override
    default void close() {}
}
