package io.kinesisconnect.source;

import io.kinesisconnect.source.shard.ReaderStats;
import io.kinesisconnect.source.shard.RecordBuffer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A task's throttled periodic summary line, instead of a line per poll. */
final class TaskSummary {

    private static final Logger log = LoggerFactory.getLogger(TaskSummary.class);

    private final String task;
    private final Duration interval;
    private final ReaderStats stats;
    private final RecordBuffer buffer;
    private long lastNanos = System.nanoTime();

    TaskSummary(String task, Duration interval, ReaderStats stats, RecordBuffer buffer) {
        this.task = task;
        this.interval = interval;
        this.stats = stats;
        this.buffer = buffer;
    }

    void maybeLog() {
        long now = System.nanoTime();
        long elapsed = now - lastNanos;
        if (interval.isZero() || elapsed < interval.toNanos()) {
            return;
        }
        lastNanos = now;
        long[] s = stats.snapshotAndReset();
        double seconds = elapsed / 1e9;
        log.info(
                "Summary task={} records={} rate={}/s bytes={} getRecordsCalls={} throttles={} transientErrors={}"
                        + " maxMillisBehindLatest={} buffered={}",
                task,
                s[0],
                Math.round(s[0] / seconds),
                s[1],
                s[2],
                s[3],
                s[4],
                s[5],
                buffer.size());
    }
}
