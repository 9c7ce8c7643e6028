package io.kinesisconnect.localstack;

import io.kinesisconnect.processes.StreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Keeps records flowing into a stream in the background, a batch at a fixed delay, so that a worker
 * killed or frozen at any moment is in the middle of its work. Records are {@code prefix-0}, {@code
 * prefix-1}, ... in the order written.
 */
public final class StreamFeeder implements AutoCloseable {

    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread thread = new Thread(r, "stream-feeder");
                        thread.setDaemon(true);
                        return thread;
                    });
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final StreamWriter writer;
    private final String stream;
    private final String prefix;
    private final int batch;

    private StreamFeeder(KinesisClient kinesis, String stream, String prefix, int batch) {
        this.writer = new StreamWriter(kinesis);
        this.stream = stream;
        this.prefix = prefix;
        this.batch = batch;
    }

    /** Starts writing {@code batch} records, then again {@code delay} after each write. */
    public static StreamFeeder start(
            KinesisClient kinesis, String stream, String prefix, int batch, Duration delay) {
        StreamFeeder feeder = new StreamFeeder(kinesis, stream, prefix, batch);
        feeder.scheduler.scheduleWithFixedDelay(
                feeder::writeBatch, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
        return feeder;
    }

    private void writeBatch() {
        try {
            int from = written.get();
            writer.putAll(
                    stream,
                    IntStream.range(from, from + batch)
                            .mapToObj(
                                    i ->
                                            new StreamWriter.Entry(
                                                    "key-" + (i % 50),
                                                    (prefix + "-" + i)
                                                            .getBytes(StandardCharsets.UTF_8)))
                            .toList());
            written.addAndGet(batch);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            throw e;
        }
    }

    /** How many records are in the stream so far. */
    public int written() {
        return written.get();
    }

    /**
     * Stops writing and returns every value written.
     *
     * @throws IllegalStateException when a write failed, which also stopped the feeder
     */
    public List<String> stop() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The stream feeder did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Writing to " + stream + " failed", failure.get());
        }
        List<String> values = new ArrayList<>();
        IntStream.range(0, written.get()).forEach(i -> values.add(prefix + "-" + i));
        return values;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
