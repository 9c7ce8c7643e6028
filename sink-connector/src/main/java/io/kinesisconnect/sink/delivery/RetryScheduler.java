package io.kinesisconnect.sink.delivery;

import java.time.Duration;

/** Runs a re-send later. The task uses a single background thread; unit tests run it at once. */
@FunctionalInterface
public interface RetryScheduler {

    /** Runs {@code task} after {@code delay}, on a thread other than the task's. */
    void schedule(Runnable task, Duration delay);
}
