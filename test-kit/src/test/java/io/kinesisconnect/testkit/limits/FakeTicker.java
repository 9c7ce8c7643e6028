package io.kinesisconnect.testkit.limits;

import java.time.Duration;

/** A clock that moves only when the test says so. */
final class FakeTicker implements Ticker {

    private long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return now;
    }

    void advance(Duration duration) {
        now += duration.toNanos();
    }

    void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }
}
