package io.kinesisconnect.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(1);

    @Test
    void theCeilingDoublesPerAttemptUpToTheMaximum() {
        ExponentialBackoff highest = new ExponentialBackoff(INITIAL, MAX, () -> 0.999_999);
        assertThat(IntStream.rangeClosed(1, 6).mapToObj(highest::delay).map(Duration::toMillis))
                .containsExactly(99L, 199L, 399L, 799L, 999L, 999L);
        assertThat(highest.delay(Integer.MAX_VALUE)).isLessThanOrEqualTo(MAX);
    }

    @Test
    void theJitterNeverGoesBelowHalfTheCeiling() {
        ExponentialBackoff lowest = new ExponentialBackoff(INITIAL, MAX, () -> 0.0);
        assertThat(IntStream.rangeClosed(1, 5).mapToObj(lowest::delay).map(Duration::toMillis))
                .containsExactly(50L, 100L, 200L, 400L, 500L);
    }

    @Test
    void twoRetriersWithTheSameAttemptDoNotWaitInLockstep() {
        ExponentialBackoff backoff = ExponentialBackoff.withJitter(INITIAL, MAX);
        assertThat(IntStream.range(0, 50).mapToObj(i -> backoff.delay(3)).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void aMaximumBelowTheInitialWaitIsRefusedWithBothValues() {
        assertThatThrownBy(
                        () ->
                                new ExponentialBackoff(
                                        Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initial=2000 ms")
                .hasMessageContaining("max=1000 ms");
    }
}
