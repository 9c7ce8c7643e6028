package io.kinesisconnect.common.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SummaryClockTest {

    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void aSummaryIsDueOncePerIntervalWithTheTimeSinceTheLastOne() {
        SummaryClock clock = new SummaryClock(Duration.ofSeconds(10), now::get);

        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(clock.due()).isEmpty();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(clock.due()).hasValue(Duration.ofSeconds(11).toNanos());
        assertThat(clock.due()).as("the interval starts again").isEmpty();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(clock.due()).hasValue(Duration.ofSeconds(10).toNanos());
    }

    @Test
    void anIntervalOfZeroTurnsTheSummaryOff() {
        SummaryClock clock = new SummaryClock(Duration.ZERO, now::get);

        now.addAndGet(Duration.ofDays(1).toNanos());
        assertThat(clock.due()).isEmpty();
    }
}
