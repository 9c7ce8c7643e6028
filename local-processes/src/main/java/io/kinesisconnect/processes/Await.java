package io.kinesisconnect.processes;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling it until a deadline. Tests use this instead of sleeping blindly:
 * they continue the moment the condition holds, and fail with a message that says what was awaited
 * and what was last seen.
 */
public final class Await {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Await() {}

    /**
     * Polls {@code condition} until it is true.
     *
     * @param description what is awaited, for the failure message
     * @param timeout how long to wait at most
     * @param condition evaluated repeatedly; an exception it throws counts as "not yet"
     * @throws AssertionError when the deadline passes first
     */
    public static void until(String description, Duration timeout, BooleanSupplier condition) {
        until(description, timeout, condition, () -> "");
    }

    /**
     * Polls {@code condition} until it is true; on timeout the message includes {@code lastSeen},
     * which should describe the state that kept the condition false.
     */
    public static void until(
            String description,
            Duration timeout,
            BooleanSupplier condition,
            Supplier<String> lastSeen) {
        until(description, timeout, POLL_INTERVAL, condition, lastSeen);
    }

    /**
     * Polls {@code condition} every {@code pollInterval} until it is true; for timing, such as a
     * benchmark that stops its clock when the condition holds.
     */
    public static void until(
            String description,
            Duration timeout,
            Duration pollInterval,
            BooleanSupplier condition,
            Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastFailure = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                lastFailure = null;
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (System.nanoTime() - deadline > 0) {
                AssertionError error =
                        new AssertionError(
                                "Timed out after "
                                        + timeout
                                        + " waiting for "
                                        + description
                                        + describe(lastSeen));
                if (lastFailure != null) {
                    error.initCause(lastFailure);
                }
                throw error;
            }
            pause(pollInterval);
        }
    }

    /** Polls {@code supplier} until it returns a non-null value, and returns that value. */
    public static <T> T value(String description, Duration timeout, Supplier<T> supplier) {
        Object[] holder = new Object[1];
        until(
                description,
                timeout,
                () -> {
                    holder[0] = supplier.get();
                    return holder[0] != null;
                });
        @SuppressWarnings("unchecked")
        T value = (T) holder[0];
        return value;
    }

    private static String describe(Supplier<String> lastSeen) {
        try {
            String seen = lastSeen.get();
            return seen == null || seen.isEmpty() ? "" : "; last seen: " + seen;
        } catch (RuntimeException e) {
            return "; last state could not be read: " + e;
        }
    }

    private static void pause(Duration interval) {
        try {
            TimeUnit.NANOSECONDS.sleep(interval.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
