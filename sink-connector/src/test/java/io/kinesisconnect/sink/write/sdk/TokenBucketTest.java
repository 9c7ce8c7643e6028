package io.kinesisconnect.sink.write.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong clock = new AtomicLong(5_000);
    private final TokenBucket bucket = new TokenBucket(1_000, clock::get);

    private void advanceMillis(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void startsFullAndRefillsAtItsRate() {
        assertThat(bucket.available()).isEqualTo(1_000);
        bucket.take(1_000);
        assertThat(bucket.available()).isZero();
        assertThat(bucket.allows(1)).isFalse();
        assertThat(bucket.nanosUntil(250)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(250));

        advanceMillis(250);

        assertThat(bucket.available()).isEqualTo(250);
        assertThat(bucket.allows(250)).isTrue();
        assertThat(bucket.allows(251)).isFalse();
    }

    @Test
    void holdsAtMostOneSecondsWorth() {
        advanceMillis(10_000);
        assertThat(bucket.available()).isEqualTo(1_000);
    }

    @Test
    void aRequestBiggerThanTheBucketPassesWhenFullAndLeavesDebt() {
        assertThat(bucket.allows(5_000)).isTrue();
        bucket.take(5_000);

        assertThat(bucket.available()).isEqualTo(-4_000);
        // the debt and then a full bucket: 5 s
        assertThat(bucket.nanosUntil(5_000)).isEqualTo(TimeUnit.SECONDS.toNanos(5));
        advanceMillis(4_999);
        assertThat(bucket.allows(5_000)).isFalse();
        advanceMillis(1);
        assertThat(bucket.allows(5_000)).isTrue();
    }
}
