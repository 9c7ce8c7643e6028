package io.kinesisconnect.source.shard;

import io.kinesisconnect.common.retry.ExponentialBackoff;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The consecutive failures of one reader, and the wait before its next attempt: the shared {@link
 * ExponentialBackoff} (jittered, so that the readers of many shards do not retry in lockstep after
 * a shared throttle), counted from the last success.
 */
public final class Backoff {

    private final ExponentialBackoff delays;
    private int failures;

    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.delays = new ExponentialBackoff(initial, max, random);
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    public Duration next() {
        failures++;
        return delays.delay(failures);
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
