package io.kinesisconnect.testkit.limits;

/** A source of monotonic time, so the limiter's arithmetic can be tested with a fake clock. */
@FunctionalInterface
public interface Ticker {

    /** The system's monotonic clock. */
    Ticker SYSTEM = System::nanoTime;

    /** Nanoseconds from an arbitrary origin; only differences mean anything. */
    long nanoTime();
}
