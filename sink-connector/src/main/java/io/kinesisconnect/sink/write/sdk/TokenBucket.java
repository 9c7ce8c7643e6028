package io.kinesisconnect.sink.write.sdk;

import java.util.function.LongSupplier;

/**
 * A token bucket that refills at a rate per second and holds at most one second's worth, like a
 * Kinesis shard's write limits. A request larger than the whole bucket passes when the bucket is
 * full, and leaves it in debt, so an oversized aggregate is delayed, never stuck.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double ratePerSecond;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    /** A full bucket of {@code ratePerSecond} tokens, timed by {@code nanoClock}. */
    public TokenBucket(long ratePerSecond, LongSupplier nanoClock) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        this.nanoClock = nanoClock;
        this.tokens = ratePerSecond;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** The whole tokens available now. */
    public long available() {
        refill();
        return (long) Math.floor(tokens);
    }

    /** Whether {@code amount} may be taken now. */
    public boolean allows(long amount) {
        refill();
        return tokens >= Math.min(amount, ratePerSecond);
    }

    /** Takes {@code amount}; the bucket may go into debt. */
    public void take(long amount) {
        refill();
        tokens -= amount;
    }

    /** How long until {@link #allows}({@code amount}) holds; 0 when it holds now. */
    public long nanosUntil(long amount) {
        refill();
        double missing = Math.min(amount, ratePerSecond) - tokens;
        return missing <= 0 ? 0 : (long) Math.ceil(missing / ratePerSecond * NANOS_PER_SECOND);
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(ratePerSecond, tokens + elapsed * ratePerSecond / NANOS_PER_SECOND);
            refilledAt = now;
        }
    }
}
