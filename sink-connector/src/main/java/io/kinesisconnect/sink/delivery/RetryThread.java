package io.kinesisconnect.sink.delivery;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A task's {@link RetryScheduler}: one daemon thread that runs re-sends after their backoff. */
public final class RetryThread implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(RetryThread.class);

    private final String taskName;
    private final ScheduledExecutorService executor;

    public RetryThread(String taskName) {
        this.taskName = taskName;
        this.executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "kinesis-sink-retry-" + taskName);
                            t.setDaemon(true);
                            return t;
                        });
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the task is stopping: the record stays uncommitted and is written by the next owner
            log.debug("Re-send not scheduled, task={} is stopping", taskName);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
