package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate check of SourceFaultInjectionIT measures a maximum, so it sees a burst. */
class CallRatesTest {

    private static final long MS = 1_000_000;

    @Test
    void callsEvery200MillisCountFivePerSecond() {
        List<Long> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(i * 200 * MS);
        }

        assertThat(CallRates.maxInWindow(calls, Duration.ofSeconds(1))).isEqualTo(5);
    }

    @Test
    void aBurstBetweenIdleStretchesExceedsTheLimitThoughTheAverageDoesNot() {
        List<Long> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(10_000 * MS + i * 100 * MS);
        }
        double averagePerSecond = calls.size() / 20.0;

        assertThat(averagePerSecond).isLessThan(5.0);
        assertThat(CallRates.maxInWindow(calls, Duration.ofSeconds(1))).isEqualTo(8);
    }

    @Test
    void noCallsCountZero() {
        assertThat(CallRates.maxInWindow(List.of(), Duration.ofSeconds(1))).isZero();
    }
}
