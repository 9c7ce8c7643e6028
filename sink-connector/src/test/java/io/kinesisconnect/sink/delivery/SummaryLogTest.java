package io.kinesisconnect.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.summary.SummaryClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The sink's summary line: its snake_case keys, its figures and its rate since the last line. */
class SummaryLogTest {

    @Test
    void theLineCarriesEveryFigureUnderItsKeyAndTheRateSinceTheLastLine() {
        TaskStats stats = new TaskStats();
        SummaryLog summary =
                new SummaryLog(
                        "orders-sink-0",
                        stats,
                        new SummaryClock(Duration.ofSeconds(1), new AtomicLong()::get));
        for (int i = 0; i < 5; i++) {
            stats.received();
        }
        for (int i = 0; i < 4; i++) {
            stats.written(10);
        }
        stats.outstanding(1, 7);
        stats.retried();
        stats.failed();
        stats.skipped();

        assertThat(summary.line(Duration.ofSeconds(2).toNanos()))
                .isEqualTo(
                        "Kinesis sink summary task=orders-sink-0 received=5 written=4 rate_per_s=2"
                                + " bytes=40 outstanding=1 outstanding_bytes=7 max_outstanding=1"
                                + " retries=1 failures=1 skipped=1");

        stats.written(10);
        stats.written(10);
        assertThat(summary.line(Duration.ofSeconds(1).toNanos()))
                .as("the rate counts only what was written since the last line")
                .contains(" written=6 rate_per_s=2 ");
    }
}
