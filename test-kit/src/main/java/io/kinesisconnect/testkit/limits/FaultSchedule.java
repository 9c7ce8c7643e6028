package io.kinesisconnect.testkit.limits;

import java.time.Duration;
import java.util.Locale;

/**
 * A fault injected on a schedule rather than (or on top of) its rate: during a window of time after
 * the proxy started ({@link Window}), or into every n-th call ({@link EveryNth}). A schedule names
 * one API by its operation name, or every API with {@code null}. As with rates, {@link
 * Fault#EXPIRED_ITERATOR} hits GetRecords only and {@link Fault#PUT_RECORDS_ENTRY_FAILURE}
 * PutRecords entries only (n-th entry, for {@link EveryNth}).
 *
 * <pre>{@code
 * FaultSchedule.during(Fault.INTERNAL_FAILURE, "PutRecords", Duration.ofSeconds(5), Duration.ofSeconds(8))
 * FaultSchedule.everyNth(Fault.DROPPED_CONNECTION, null, 10)
 * }</pre>
 *
 * <p>In a proxy configuration file: {@code fault.internal.failure.window.PutRecords=5s-8s} (several
 * windows separated by commas; {@code @0.5} after a window for a rate below 1 inside it; {@code
 * 5s-8s after first call} to count from the first call of the API rather than the proxy's start)
 * and {@code fault.dropped.connection.every=10}; without the {@code .Operation} suffix a schedule
 * applies to every API.
 */
public sealed interface FaultSchedule {

    /** The suffix, after a fault's {@linkplain Fault#baseKey() base key}, of a window. */
    String WINDOW = "window";

    /** What follows a window, in a configuration file, that counts from the first call. */
    String AFTER_FIRST_CALL = "after first call";

    /** The suffix, after a fault's {@linkplain Fault#baseKey() base key}, of every n-th call. */
    String EVERY = "every";

    Fault fault();

    /** The operation the schedule applies to, or null for every API. */
    String api();

    /**
     * {@code fault} injected into every call of {@code api} (null: every API) from {@code from}
     * until {@code to} after the proxy started.
     */
    static Window during(Fault fault, String api, Duration from, Duration to) {
        return new Window(fault, api, from, to, 1.0, false);
    }

    /** {@code fault} injected into the n-th, 2n-th, ... call of {@code api} (null: every API). */
    static EveryNth everyNth(Fault fault, String api, long n) {
        return new EveryNth(fault, api, n);
    }

    /** Whether the schedule covers calls of {@code operation}. */
    default boolean appliesTo(String operation) {
        if (fault() == Fault.EXPIRED_ITERATOR && !ReadGate.GET_RECORDS.equals(operation)
                || fault() == Fault.PUT_RECORDS_ENTRY_FAILURE
                        && !WriteGate.PUT_RECORDS.equals(operation)) {
            return false;
        }
        return api() == null || api().equals(operation);
    }

    /** How the schedule reads in stats lines and messages. */
    String label();

    /**
     * Active from {@code from} until {@code to} (exclusive) after the proxy started (or, with
     * {@code fromFirstCall}, after the first call the window applies to), hitting each call inside
     * with probability {@code rate}.
     */
    record Window(
            Fault fault, String api, Duration from, Duration to, double rate, boolean fromFirstCall)
            implements FaultSchedule {

        public Window {
            if (fault == null || from == null || to == null) {
                throw new IllegalArgumentException(
                        "A fault window needs a fault, a start and an end");
            }
            if (from.isNegative() || to.compareTo(from) <= 0) {
                throw new IllegalArgumentException(
                        "A fault window runs from "
                                + from.toMillis()
                                + " ms to "
                                + to.toMillis()
                                + " ms; it must start at 0 or later and end after it starts");
            }
            if (!(rate > 0 && rate <= 1)) {
                throw new IllegalArgumentException(
                        "A fault window's rate was " + rate + "; it must be above 0 and at most 1");
            }
        }

        /** The same window, hitting each call inside it with probability {@code rate}. */
        public Window atRate(double rate) {
            return new Window(fault, api, from, to, rate, fromFirstCall);
        }

        /**
         * The same window, counted from the first call it applies to instead of from the proxy's
         * start: an outage a test can place relative to its own first call, whatever the time the
         * proxy and the client took to start.
         */
        public Window afterFirstCall() {
            return new Window(fault, api, from, to, rate, true);
        }

        /** Whether the window is open {@code elapsed} after its origin (start or first call). */
        boolean isOpen(Duration elapsed) {
            return elapsed.compareTo(from) >= 0 && elapsed.compareTo(to) < 0;
        }

        @Override
        public String label() {
            return name(fault, api)
                    + " "
                    + show(from)
                    + "-"
                    + show(to)
                    + (rate < 1 ? "@" + rate : "")
                    + (fromFirstCall ? " " + AFTER_FIRST_CALL : "");
        }
    }

    /** Hits the n-th, 2n-th, ... call of its API (entry, for PutRecords entry failures). */
    record EveryNth(Fault fault, String api, long n) implements FaultSchedule {

        public EveryNth {
            if (fault == null) {
                throw new IllegalArgumentException("A fault schedule needs a fault");
            }
            if (n < 1) {
                throw new IllegalArgumentException(
                        "Every n-th call was " + n + "; n must be a whole number of 1 or more");
            }
        }

        @Override
        public String label() {
            return name(fault, api) + " every " + n + (n == 1 ? "st" : "th") + " call";
        }
    }

    private static String name(Fault fault, String api) {
        return fault.name().toLowerCase(Locale.ROOT) + " " + (api == null ? "*" : api);
    }

    private static String show(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
