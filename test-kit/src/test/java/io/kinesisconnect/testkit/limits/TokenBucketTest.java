package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void startsFullWithOneSecondOfBurstAndRefusesTheNextToken() {
        TokenBucket bucket = TokenBucket.full(5, 1.0, 0);

        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryTake(1, 0)).as("token %d", i).isTrue();
        }
        assertThat(bucket.tryTake(1, 0)).isFalse();
    }

    @Test
    void refillsAtTheRateAndNeverAboveTheBurst() {
        TokenBucket bucket = TokenBucket.full(10, 2.0, 0);
        assertThat(bucket.tryTake(20, 0)).isTrue();

        assertThat(bucket.tryTake(1, SECOND / 20)).as("after half a token").isFalse();
        assertThat(bucket.tryTake(1, SECOND / 10)).as("after one token").isTrue();
        assertThat(bucket.balance(100 * SECOND)).as("capped at the burst").isEqualTo(20.0);
    }

    @Test
    void aRefusedTakeSpendsNothing() {
        TokenBucket bucket = TokenBucket.full(100, 1.0, 0);
        assertThat(bucket.tryTake(60, 0)).isTrue();

        assertThat(bucket.tryTake(50, 0)).isFalse();
        assertThat(bucket.balance(0)).isEqualTo(40.0);
    }

    @Test
    void aChargeCanLeaveADebtThatRefusesUntilRepaid() {
        TokenBucket bucket = TokenBucket.full(2, 1.0, 0);

        bucket.charge(10, 0);

        assertThat(bucket.balance(0)).isEqualTo(-8.0);
        assertThat(bucket.inCredit(3 * SECOND)).as("2 tokens still owed").isFalse();
        assertThat(bucket.inCredit(4 * SECOND)).as("repaid").isTrue();
    }

    @Test
    void aTakeLargerThanTheBucketPassesWhenFullAndLeavesADebt() {
        TokenBucket bucket = TokenBucket.full(100, 1.0, 0);

        assertThat(bucket.tryTake(250, 0)).isTrue();

        assertThat(bucket.balance(0)).isEqualTo(-150.0);
        assertThat(bucket.tryTake(250, SECOND)).as("not yet full again").isFalse();
        assertThat(bucket.tryTake(250, 3 * SECOND)).isTrue();
    }

    @Test
    void anUnlimitedBucketNeverRefusesNorOwes() {
        TokenBucket bucket = TokenBucket.full(KinesisLimits.UNLIMITED, 1.0, 0);

        for (int i = 0; i < 10_000; i++) {
            assertThat(bucket.tryTake(1_000_000, 0)).isTrue();
        }
        bucket.charge(Long.MAX_VALUE, 0);
        assertThat(bucket.inCredit(0)).isTrue();
    }
}
