package io.kinesisconnect.common.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter, the one both connectors use: attempt n waits a random time
 * between half and all of min(max, initial x 2^(n-1)). The jitter keeps many shard readers, or many
 * sink tasks, from retrying in lockstep after a shared throttle; the lower half keeps the wait from
 * collapsing to nothing.
 */
public final class ExponentialBackoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /**
     * @param random a source of numbers in [0, 1), {@code ThreadLocalRandom} outside tests
     */
    public ExponentialBackoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "Backoff needs 0 <= initial <= max, got initial="
                            + initial.toMillis()
                            + " ms and max="
                            + max.toMillis()
                            + " ms");
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** A backoff from {@code initial} up to {@code max}, with a random jitter. */
    public static ExponentialBackoff withJitter(Duration initial, Duration max) {
        return new ExponentialBackoff(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The wait before attempt {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        long ceiling = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        long capped = Math.min(max.toMillis(), Math.max(ceiling, initial.toMillis()));
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }

    /** The longest wait any attempt can get. */
    public Duration max() {
        return max;
    }
}
