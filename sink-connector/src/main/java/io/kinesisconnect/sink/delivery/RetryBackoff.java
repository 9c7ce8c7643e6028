package io.kinesisconnect.sink.delivery;

import java.time.Duration;

/** Exponential backoff: base, 2 x base, 4 x base... capped at 10 x base. */
public record RetryBackoff(Duration base) {

    private static final int CAP_FACTOR = 10;

    /** The wait before re-send number {@code retry} (1 for the first). */
    public Duration delay(int retry) {
        long factor = retry >= 31 ? CAP_FACTOR : Math.min(1L << Math.max(0, retry - 1), CAP_FACTOR);
        return base.multipliedBy(factor);
    }
}
