package io.kinesisconnect.source.shard;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the n-th consecutive failure waits a random time between
 * half and all of min(max, initial * 2^n). The jitter keeps the readers of many shards from
 * retrying in lockstep after a shared throttle.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private int failures;

    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    public Duration next() {
        long ceiling = initial.toMillis() << Math.min(failures, 30);
        failures++;
        long capped = Math.min(max.toMillis(), Math.max(ceiling, initial.toMillis()));
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }

    /** Records a success: the next failure starts from the initial delay again. */
    public void reset() {
        failures = 0;
    }

    /** Consecutive failures since the last success. */
    public int failures() {
        return failures;
    }
}
