package io.kinesisconnect.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.summary.SummaryClock;
import io.kinesisconnect.source.shard.ReaderStats;
import io.kinesisconnect.source.shard.ReaderStatsFixture;
import io.kinesisconnect.source.shard.RecordBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** The source's summary line: its snake_case keys, each figure in its place, and the reset. */
class TaskSummaryTest {

    @Test
    void theLineCarriesEveryFigureUnderItsKeyAndStartsAgainAfterIt() {
        ReaderStats stats = new ReaderStats();
        RecordBuffer buffer = new RecordBuffer(10);
        // buffered counts user records (groups): the two copies of a fanned-out one count once
        buffer.offer(List.of(List.of(record()), List.of(record()), List.of(record(), record())));
        ReaderStatsFixture.batch(stats, "shardId-000000000000", 6, 600, 40);
        ReaderStatsFixture.batch(stats, "shardId-000000000001", 4, 100, 90);
        ReaderStatsFixture.throttled(stats);
        ReaderStatsFixture.throttled(stats);
        ReaderStatsFixture.transientError(stats);
        TaskSummary summary =
                new TaskSummary(
                        "orders-source-0",
                        new SummaryClock(Duration.ofSeconds(1), new AtomicLong()::get),
                        stats,
                        buffer);

        assertThat(summary.line(Duration.ofSeconds(5).toNanos()))
                .isEqualTo(
                        "Kinesis source summary task=orders-source-0 records=10 rate_per_s=2"
                                + " bytes=700 get_records_calls=2 throttles=2 transient_errors=1"
                                + " max_millis_behind_latest=90 buffered=3");
        assertThat(summary.line(Duration.ofSeconds(5).toNanos()))
                .as("counts start again; the worst lag and the buffer are states, not counts")
                .contains(
                        " records=0 rate_per_s=0 bytes=0 get_records_calls=0 throttles=0"
                                + " transient_errors=0 max_millis_behind_latest=90 buffered=3");
    }

    private static SourceRecord record() {
        return new SourceRecord(Map.of(), Map.of(), "t", null, null, null, null);
    }
}
