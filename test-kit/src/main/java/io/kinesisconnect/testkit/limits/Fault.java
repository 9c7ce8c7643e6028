package io.kinesisconnect.testkit.limits;

/**
 * One kind of failure the proxy can inject, with the key that sets its rate in a proxy
 * configuration file. A rate is a probability from 0 to 1: per call, or per entry for {@link
 * #PUT_RECORDS_ENTRY_FAILURE}.
 */
public enum Fault {
    /** 500 with {@code __type} InternalFailure; the call does not reach the emulator. */
    INTERNAL_FAILURE("fault.internal.failure.rate", "500 InternalFailure"),
    /** 503 with {@code __type} ServiceUnavailable; the call does not reach the emulator. */
    SERVICE_UNAVAILABLE("fault.service.unavailable.rate", "503 ServiceUnavailable"),
    /**
     * The connection is closed after the request was read and before any answer; the call does not
     * reach the emulator.
     */
    DROPPED_CONNECTION("fault.dropped.connection.rate", "connection closed without an answer"),
    /** GetRecords only: 400 ExpiredIteratorException; the call does not reach the emulator. */
    EXPIRED_ITERATOR("fault.expired.iterator.rate", "GetRecords ExpiredIteratorException"),
    /**
     * PutRecords only, per entry: the entry is answered with ErrorCode InternalFailure inside a
     * 200, and is not forwarded, so it is not written.
     */
    PUT_RECORDS_ENTRY_FAILURE(
            "fault.put.records.entry.failure.rate", "PutRecords entry InternalFailure"),
    /** Extra latency of {@link KinesisFaults#latencyMillis()} before the call is served. */
    LATENCY("fault.latency.rate", "extra latency");

    private final String key;
    private final String description;

    Fault(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The key of the rate for every API; {@code key + "." + Operation} sets it for one API. */
    public String key() {
        return key;
    }

    /**
     * The key without its {@code .rate}, such as {@code fault.internal.failure}: the schedules of
     * the fault are set under {@code <base>.window} and {@code <base>.every}.
     */
    public String baseKey() {
        return key.substring(0, key.length() - ".rate".length());
    }

    /** What is injected, for messages and help. */
    public String description() {
        return description;
    }

    /** Whether the fault ends the call (as opposed to delaying it or failing single entries). */
    boolean endsCall() {
        return this != LATENCY && this != PUT_RECORDS_ENTRY_FAILURE;
    }
}
