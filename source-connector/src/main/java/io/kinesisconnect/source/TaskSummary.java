package io.kinesisconnect.source;

import io.kinesisconnect.common.summary.SummaryClock;
import io.kinesisconnect.common.summary.SummaryLine;
import io.kinesisconnect.source.shard.ReaderStats;
import io.kinesisconnect.source.shard.RecordBuffer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A task's throttled periodic summary line, instead of a line per poll. */
final class TaskSummary {

    private static final Logger log = LoggerFactory.getLogger(TaskSummary.class);

    private final String task;
    private final SummaryClock clock;
    private final ReaderStats stats;
    private final RecordBuffer buffer;

    TaskSummary(String task, Duration interval, ReaderStats stats, RecordBuffer buffer) {
        this(task, new SummaryClock(interval), stats, buffer);
    }

    TaskSummary(String task, SummaryClock clock, ReaderStats stats, RecordBuffer buffer) {
        this.task = task;
        this.clock = clock;
        this.stats = stats;
        this.buffer = buffer;
    }

    void maybeLog() {
        clock.due().ifPresent(elapsed -> log.info("{}", line(elapsed)));
    }

    /** The line for the counts since the last one, {@code elapsedNanos} ago; resets the counts. */
    String line(long elapsedNanos) {
        ReaderStats.Snapshot s = stats.snapshotAndReset();
        return SummaryLine.of("source", task)
                .add("records", s.records())
                .add("rate_per_s", SummaryLine.perSecond(s.records(), elapsedNanos))
                .add("bytes", s.bytes())
                .add("get_records_calls", s.getRecordsCalls())
                .add("throttles", s.throttles())
                .add("transient_errors", s.transientErrors())
                .add("max_millis_behind_latest", s.maxMillisBehindLatest())
                .add("buffered", buffer.size())
                .toString();
    }
}
