package io.kinesisconnect.testkit.limits;

/**
 * A token bucket: tokens flow in at {@code ratePerSecond} up to {@code capacity} (the burst).
 *
 * <p>Two ways to spend: {@link #tryTake} takes tokens only if they are there (write limits, call
 * rates), and {@link #charge} takes them regardless, so the balance can go below zero. A negative
 * balance is a debt that {@link #inCredit} refuses until the flow has repaid it; that is how AWS
 * charges the bytes a GetRecords returned, which it cannot know before answering.
 *
 * <p>Not thread-safe: its owner serialises calls.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double ratePerSecond;
    private final double capacity;
    private double tokens;
    private long lastRefill;

    private TokenBucket(double ratePerSecond, double capacity, long now) {
        this.ratePerSecond = ratePerSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.lastRefill = now;
    }

    /**
     * A full bucket.
     *
     * @param ratePerSecond tokens added per second, or {@link KinesisLimits#UNLIMITED}
     * @param burstSeconds how many seconds of the rate the bucket holds; at least enough for one
     *     token, so a bucket never refuses a single unit forever
     */
    static TokenBucket full(long ratePerSecond, double burstSeconds, long now) {
        double capacity = Math.max(1.0, ratePerSecond * burstSeconds);
        return new TokenBucket(ratePerSecond, capacity, now);
    }

    boolean unlimited() {
        return ratePerSecond >= KinesisLimits.UNLIMITED;
    }

    /**
     * Takes {@code amount} tokens if the bucket holds that many; otherwise takes nothing. An amount
     * larger than the whole bucket passes when the bucket is full and leaves a debt, so one unit
     * larger than the burst (a 1 MiB record under a small byte limit) is slowed, never barred.
     */
    boolean tryTake(double amount, long now) {
        if (!has(Math.min(amount, capacity), now)) {
            return false;
        }
        tokens -= amount;
        return true;
    }

    /** Whether the bucket holds at least {@code amount} tokens now; takes nothing. */
    boolean has(double amount, long now) {
        if (unlimited()) {
            return true;
        }
        refill(now);
        return tokens >= amount;
    }

    /** Takes {@code amount} tokens even if that leaves the balance negative (a debt). */
    void charge(double amount, long now) {
        if (unlimited()) {
            return;
        }
        refill(now);
        tokens -= amount;
    }

    /** False while the bucket is in debt. */
    boolean inCredit(long now) {
        return has(0, now);
    }

    /** The balance now: negative while in debt. */
    double balance(long now) {
        if (unlimited()) {
            return Double.POSITIVE_INFINITY;
        }
        refill(now);
        return tokens;
    }

    private void refill(long now) {
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * ratePerSecond / NANOS_PER_SECOND);
            lastRefill = now;
        }
    }
}
