package io.kinesisconnect.common.summary;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * When a task's next summary line is due: once per interval, never when the interval is 0 (off).
 * Both connectors throttle their summary with it, so the line is never written per poll or batch.
 */
public final class SummaryClock {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long lastNanos;

    public SummaryClock(Duration interval) {
        this(interval, System::nanoTime);
    }

    /** A clock reading {@code nanoTime}, so that tests need not wait for an interval to pass. */
    public SummaryClock(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.lastNanos = nanoTime.getAsLong();
    }

    /**
     * The nanoseconds since the last summary when the next one is due, and then the interval starts
     * again; empty when it is not due yet, or the summary is off.
     */
    public OptionalLong due() {
        long now = nanoTime.getAsLong();
        long elapsed = now - lastNanos;
        if (intervalNanos == 0 || elapsed < intervalNanos) {
            return OptionalLong.empty();
        }
        lastNanos = now;
        return OptionalLong.of(elapsed);
    }
}
