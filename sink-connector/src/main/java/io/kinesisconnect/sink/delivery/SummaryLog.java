package io.kinesisconnect.sink.delivery;

import io.kinesisconnect.common.summary.SummaryClock;
import io.kinesisconnect.common.summary.SummaryLine;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a task's figures at most once per interval, instead of a line per batch. */
public final class SummaryLog {

    private static final Logger log = LoggerFactory.getLogger(SummaryLog.class);

    private final String task;
    private final TaskStats stats;
    private final SummaryClock clock;
    private long lastWritten;

    public SummaryLog(String task, TaskStats stats, Duration interval) {
        this(task, stats, new SummaryClock(interval));
    }

    SummaryLog(String task, TaskStats stats, SummaryClock clock) {
        this.task = task;
        this.stats = stats;
        this.clock = clock;
    }

    /** Logs the summary if the interval has passed since the last one; never if it is 0 (off). */
    public void maybeLog() {
        clock.due().ifPresent(elapsed -> log.info("{}", line(elapsed)));
    }

    /**
     * The line for the figures now, with the rate since the last line, {@code elapsedNanos} ago.
     */
    String line(long elapsedNanos) {
        long written = stats.getRecordsWritten();
        String line =
                SummaryLine.of("sink", task)
                        .add("received", stats.getRecordsReceived())
                        .add("written", written)
                        .add(
                                "rate_per_s",
                                SummaryLine.perSecond(written - lastWritten, elapsedNanos))
                        .add("bytes", stats.getBytesWritten())
                        .add("outstanding", stats.getOutstandingRecords())
                        .add("outstanding_bytes", stats.getOutstandingBytes())
                        .add("max_outstanding", stats.getMaxOutstandingRecords())
                        .add("retries", stats.getRetries())
                        .add("failures", stats.getPermanentFailures())
                        .add("skipped", stats.getTombstonesSkipped())
                        .toString();
        lastWritten = written;
        return line;
    }
}
