package io.kinesisconnect.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecentRateTest {

    private static final long SECOND = 1_000_000_000L;

    private long now = -7 * SECOND + 300; // negative on purpose: System.nanoTime() may be
    private final RecentRate rate = new RecentRate(Duration.ofSeconds(10), () -> now);

    @Test
    void aSteadyFlowReadsAsItsRate() {
        for (int s = 0; s < 30; s++) {
            rate.add(100);
            now += SECOND;
        }

        assertThat(rate.perSecond()).isCloseTo(100.0, within(10.0));
    }

    @Test
    void theRateFallsToZeroOnceTheWindowHasPassedWithoutData() {
        for (int s = 0; s < 5; s++) {
            rate.add(1_000);
            now += SECOND;
        }
        assertThat(rate.perSecond()).isGreaterThan(500.0);

        now += 11 * SECOND;

        assertThat(rate.perSecond()).isZero();
    }

    @Test
    void aFreshRateIsNotDividedByTheWholeWindow() {
        rate.add(50);
        now += 2 * SECOND;
        rate.add(50);

        // 100 over about 2 s, not 100 over 10 s
        assertThat(rate.perSecond()).isCloseTo(50.0, within(5.0));
    }

    @Test
    void aWindowUnderOneSecondIsRefused() {
        assertThatThrownBy(() -> new RecentRate(Duration.ofMillis(500), () -> 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0.5S");
    }
}
