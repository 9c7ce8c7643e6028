package io.kinesisconnect.sink.delivery;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a task's figures at most once per interval, instead of a line per batch. */
public final class SummaryLog {

    private static final Logger log = LoggerFactory.getLogger(SummaryLog.class);

    private final String task;
    private final TaskStats stats;
    private final long intervalNanos;
    private long lastNanos;
    private long lastWritten;

    public SummaryLog(String task, TaskStats stats, Duration interval) {
        this.task = task;
        this.stats = stats;
        this.intervalNanos = interval.toNanos();
        this.lastNanos = System.nanoTime();
    }

    /** Logs the summary if the interval has passed since the last one; never if it is 0 (off). */
    public void maybeLog() {
        long now = System.nanoTime();
        if (intervalNanos == 0 || now - lastNanos < intervalNanos) {
            return;
        }
        long written = stats.getRecordsWritten();
        double seconds = (now - lastNanos) / 1e9;
        log.info(
                "Kinesis sink summary task={} received={} written={} rate_per_s={} bytes={}"
                        + " outstanding={} outstanding_bytes={} max_outstanding={} retries={}"
                        + " failures={} skipped={}",
                task,
                stats.getRecordsReceived(),
                written,
                Math.round((written - lastWritten) / seconds),
                stats.getBytesWritten(),
                stats.getOutstandingRecords(),
                stats.getOutstandingBytes(),
                stats.getMaxOutstandingRecords(),
                stats.getRetries(),
                stats.getPermanentFailures(),
                stats.getTombstonesSkipped());
        lastNanos = now;
        lastWritten = written;
    }
}
