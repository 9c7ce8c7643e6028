package io.kinesisconnect.common.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A per-second rate over the last few seconds, from one-second buckets in a ring. Unlike a rate
 * since the start, it falls to zero soon after a shard goes idle, which is what an alert on
 * throughput needs; unlike the last second alone, one slow poll does not make it jump.
 *
 * <p>Updates and reads are synchronized: a reader adds once per Kinesis call, a JMX client reads a
 * few times a minute, so the lock is never contended in practice.
 */
public final class RecentRate {

    private static final long SECOND_NANOS = 1_000_000_000L;

    private final long[] buckets;
    private final LongSupplier nanoTime;
    private final long startSecond;
    private long currentSecond;

    /**
     * @param window how far back the rate looks, in whole seconds (at least one)
     * @param nanoTime the clock, replaceable in tests
     */
    public RecentRate(Duration window, LongSupplier nanoTime) {
        long seconds = window.toSeconds();
        if (seconds < 1) {
            throw new IllegalArgumentException("The rate window must be at least 1 s: " + window);
        }
        this.buckets = new long[(int) seconds];
        this.nanoTime = nanoTime;
        this.startSecond = second();
        this.currentSecond = startSecond;
    }

    /** Counts {@code amount} now. */
    public synchronized void add(long amount) {
        advance();
        buckets[index(currentSecond)] += amount;
    }

    /**
     * The count per second over the window, or over the time since the start while that is shorter,
     * so a fresh rate is not understated.
     */
    public synchronized double perSecond() {
        advance();
        long total = 0;
        for (long bucket : buckets) {
            total += bucket;
        }
        return total / coveredSeconds();
    }

    /**
     * The time the buckets cover: the full seconds kept plus the part of the current one, at least
     * one second so a lone early burst does not read as a huge rate.
     */
    private double coveredSeconds() {
        long fullSeconds = Math.min(buckets.length - 1, currentSecond - startSecond);
        double partOfCurrent =
                (double) (nanoTime.getAsLong() - currentSecond * SECOND_NANOS) / SECOND_NANOS;
        return Math.max(1.0, fullSeconds + partOfCurrent);
    }

    /** Empties the buckets of the seconds that passed since the last update. */
    private void advance() {
        long now = second();
        long passed = now - currentSecond;
        if (passed <= 0) {
            return;
        }
        long toClear = Math.min(passed, buckets.length);
        for (long s = 1; s <= toClear; s++) {
            buckets[index(currentSecond + s)] = 0;
        }
        currentSecond = now;
    }

    private int index(long second) {
        return (int) Math.floorMod(second, (long) buckets.length);
    }

    private long second() {
        return Math.floorDiv(nanoTime.getAsLong(), SECOND_NANOS);
    }
}
