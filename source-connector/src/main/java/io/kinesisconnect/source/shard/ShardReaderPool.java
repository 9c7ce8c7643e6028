package io.kinesisconnect.source.shard;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task's shard readers on a few scheduler threads: each reader's next step is scheduled for
 * when it asked, so an idle or throttled shard costs no thread.
 */
public final class ShardReaderPool {

    private static final Logger log = LoggerFactory.getLogger(ShardReaderPool.class);

    private final ScheduledExecutorService scheduler;
    private final FirstFailure failure;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<SteppedReader> started = new CopyOnWriteArrayList<>();

    public ShardReaderPool(String taskName, int threads, FirstFailure failure) {
        AtomicInteger counter = new AtomicInteger();
        this.scheduler =
                Executors.newScheduledThreadPool(
                        threads,
                        runnable -> {
                            Thread thread =
                                    new Thread(
                                            runnable,
                                            taskName + "-reader-" + counter.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
        this.failure = failure;
    }

    /** Starts every reader now. */
    public void start(List<? extends SteppedReader> readers) {
        started.addAll(readers);
        readers.forEach(reader -> schedule(reader, Duration.ZERO));
    }

    private void schedule(SteppedReader reader, Duration delay) {
        if (stopping.get()) {
            return;
        }
        // Nanoseconds: rounding a reader's remaining wait down to whole milliseconds would make it
        // run early and only ask to wait again.
        scheduler.schedule(() -> run(reader), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void run(SteppedReader reader) {
        if (stopping.get() || failure.failed()) {
            return;
        }
        try {
            Optional<Duration> next = reader.step();
            next.ifPresent(delay -> schedule(reader, delay));
        } catch (ConnectException e) {
            log.error("Reader of shard={} failed: {}", reader.shard(), e.getMessage());
            failure.record(e);
        } catch (RuntimeException e) {
            log.error("Reader of shard={} failed unexpectedly", reader.shard(), e);
            failure.record(
                    new ConnectException("Reader of shard " + reader.shard() + " failed", e));
        }
    }

    /**
     * Stops scheduling, waits for running steps at most {@code timeout}, then closes the readers.
     */
    public void close(Duration timeout) {
        stopping.set(true);
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Shard readers did not stop within {}", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SteppedReader reader : started) {
            try {
                reader.close();
            } catch (RuntimeException e) {
                log.warn("Closing the reader of shard={} failed: {}", reader.shard(), e.toString());
            }
        }
    }
}
