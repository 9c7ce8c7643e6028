package io.kinesisconnect.testkit.limits;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The rates the proxy enforces: AWS's defaults ({@link #aws()}), none ({@link #none()}, the control
 * that shows a refusal count can fail), or any mix set per {@link Limit}.
 *
 * <p>Every bucket holds {@code burstSeconds} of its rate, one second by default. AWS does not
 * publish its burst; one second keeps a client that sends in bursts of one second's worth from
 * being refused while it stays within the rate.
 */
public final class KinesisLimits {

    /** A rate that is never enforced. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** The configuration-file key for {@link #burstSeconds()}. */
    public static final String BURST_SECONDS_KEY = "burst.seconds";

    /** The configuration-file key for {@link #getRecordsMaxBytes()}. */
    public static final String GET_RECORDS_MAX_BYTES_KEY = "get.records.max.bytes";

    /** The configuration-file key for {@link #getRecordsMaxRecords()}. */
    public static final String GET_RECORDS_MAX_RECORDS_KEY = "get.records.max.records";

    /** The most one GetRecords answer holds on AWS: 10 MiB... */
    static final long AWS_GET_RECORDS_MAX_BYTES = 10L * 1024 * 1024;

    /** ...or 10,000 records. */
    static final long AWS_GET_RECORDS_MAX_RECORDS = 10_000;

    private static final String UNLIMITED_VALUE = "unlimited";

    private final Map<Limit, Long> rates;
    private final double burstSeconds;
    private final KinesisFaults faults;
    private final long getRecordsMaxBytes;
    private final long getRecordsMaxRecords;

    private KinesisLimits(
            Map<Limit, Long> rates,
            double burstSeconds,
            KinesisFaults faults,
            long getRecordsMaxBytes,
            long getRecordsMaxRecords) {
        this.rates = new EnumMap<>(rates);
        this.burstSeconds = burstSeconds;
        this.faults = faults;
        this.getRecordsMaxBytes = getRecordsMaxBytes;
        this.getRecordsMaxRecords = getRecordsMaxRecords;
    }

    /** AWS's per-shard and per-account limits for a provisioned stream. */
    public static KinesisLimits aws() {
        Map<Limit, Long> rates = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            rates.put(limit, limit.awsDefault());
        }
        return new KinesisLimits(
                rates,
                1.0,
                KinesisFaults.none(),
                AWS_GET_RECORDS_MAX_BYTES,
                AWS_GET_RECORDS_MAX_RECORDS);
    }

    /** No limit at all: the proxy forwards everything and counts it. */
    public static KinesisLimits none() {
        Map<Limit, Long> rates = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            rates.put(limit, UNLIMITED);
        }
        return new KinesisLimits(rates, 1.0, KinesisFaults.none(), UNLIMITED, UNLIMITED);
    }

    /**
     * AWS's defaults overridden by the keys of {@code properties} (see {@link Limit#key()} and
     * {@link #BURST_SECONDS_KEY}); a value is a positive whole number or {@code unlimited}. Keys
     * starting {@code fault.} set the {@link #faults()}; see {@link Fault#key()}.
     *
     * @throws IllegalArgumentException naming the key, the value and what is accepted, for an
     *     unknown key or a bad value
     */
    public static KinesisLimits fromProperties(Properties properties) {
        KinesisLimits limits = aws();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            if (key.equals(BURST_SECONDS_KEY)) {
                limits = limits.withBurstSeconds(parseBurst(value));
                continue;
            }
            if (key.equals(GET_RECORDS_MAX_BYTES_KEY)) {
                limits =
                        limits.withGetRecordsMax(
                                parseRate(key, value), limits.getRecordsMaxRecords);
                continue;
            }
            if (key.equals(GET_RECORDS_MAX_RECORDS_KEY)) {
                limits = limits.withGetRecordsMax(limits.getRecordsMaxBytes, parseRate(key, value));
                continue;
            }
            KinesisFaults faults = limits.faults.withEntry(key, value);
            if (faults != null) {
                limits = limits.withFaults(faults);
                continue;
            }
            Limit limit =
                    Arrays.stream(Limit.values())
                            .filter(l -> l.key().equals(key))
                            .findFirst()
                            .orElseThrow(() -> unknownKey(key));
            limits = limits.with(limit, parseRate(key, value));
        }
        return limits;
    }

    /** The same limits with {@code limit} set to {@code perSecond} (or {@link #UNLIMITED}). */
    public KinesisLimits with(Limit limit, long perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException(
                    limit.key()
                            + " was "
                            + perSecond
                            + "; it must be a positive number per second");
        }
        Map<Limit, Long> changed = new EnumMap<>(rates);
        changed.put(limit, perSecond);
        return new KinesisLimits(
                changed, burstSeconds, faults, getRecordsMaxBytes, getRecordsMaxRecords);
    }

    /** The same limits with buckets that hold {@code seconds} of their rate. */
    public KinesisLimits withBurstSeconds(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(
                    BURST_SECONDS_KEY + " was " + seconds + "; it must be a positive number");
        }
        return new KinesisLimits(rates, seconds, faults, getRecordsMaxBytes, getRecordsMaxRecords);
    }

    /** The same limits with {@code faults} injected; {@link KinesisFaults#none()} by default. */
    public KinesisLimits withFaults(KinesisFaults faults) {
        return new KinesisLimits(
                rates, burstSeconds, faults, getRecordsMaxBytes, getRecordsMaxRecords);
    }

    /**
     * The same limits with GetRecords answers cut to at most {@code maxBytes} (data plus partition
     * keys) and {@code maxRecords}, each a positive number or {@link #UNLIMITED}. AWS's are 10 MiB
     * and 10,000; a cut answer always keeps its first record, and its NextShardIterator continues
     * right after the last record kept.
     */
    public KinesisLimits withGetRecordsMax(long maxBytes, long maxRecords) {
        if (maxBytes <= 0 || maxRecords <= 0) {
            throw new IllegalArgumentException(
                    GET_RECORDS_MAX_BYTES_KEY
                            + " and "
                            + GET_RECORDS_MAX_RECORDS_KEY
                            + " were "
                            + maxBytes
                            + " and "
                            + maxRecords
                            + "; they must be positive");
        }
        return new KinesisLimits(rates, burstSeconds, faults, maxBytes, maxRecords);
    }

    /** The most bytes one GetRecords answer may hold. */
    public long getRecordsMaxBytes() {
        return getRecordsMaxBytes;
    }

    /** The most records one GetRecords answer may hold. */
    public long getRecordsMaxRecords() {
        return getRecordsMaxRecords;
    }

    /** The faults the proxy injects besides enforcing the limits. */
    public KinesisFaults faults() {
        return faults;
    }

    /** The rate per second of {@code limit}, {@link #UNLIMITED} when it is not enforced. */
    public long perSecond(Limit limit) {
        return rates.get(limit);
    }

    public double burstSeconds() {
        return burstSeconds;
    }

    /** A full bucket for {@code limit}. */
    TokenBucket bucket(Limit limit, long now) {
        return TokenBucket.full(perSecond(limit), burstSeconds, now);
    }

    @Override
    public String toString() {
        return rates.entrySet().stream()
                        .map(
                                e ->
                                        e.getKey().key()
                                                + "="
                                                + (e.getValue() == UNLIMITED
                                                        ? UNLIMITED_VALUE
                                                        : e.getValue()))
                        .collect(Collectors.joining(", "))
                + ", "
                + BURST_SECONDS_KEY
                + "="
                + burstSeconds
                + ", "
                + GET_RECORDS_MAX_BYTES_KEY
                + "="
                + show(getRecordsMaxBytes)
                + ", "
                + GET_RECORDS_MAX_RECORDS_KEY
                + "="
                + show(getRecordsMaxRecords)
                + "; faults: "
                + faults;
    }

    private static String show(long value) {
        return value == UNLIMITED ? UNLIMITED_VALUE : Long.toString(value);
    }

    private static long parseRate(String key, String value) {
        if (value.equalsIgnoreCase(UNLIMITED_VALUE)) {
            return UNLIMITED;
        }
        try {
            long rate = Long.parseLong(value);
            if (rate > 0) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message that says what is accepted.
        }
        throw new IllegalArgumentException(
                key
                        + " was '"
                        + value
                        + "'; it accepts a positive whole number per second or '"
                        + UNLIMITED_VALUE
                        + "'");
    }

    private static double parseBurst(String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds > 0 && !Double.isInfinite(seconds)) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message that says what is accepted.
        }
        throw new IllegalArgumentException(
                BURST_SECONDS_KEY
                        + " was '"
                        + value
                        + "'; it accepts a positive number of seconds");
    }

    private static IllegalArgumentException unknownKey(String key) {
        return new IllegalArgumentException(
                "Unknown limit '"
                        + key
                        + "'; the keys are "
                        + Arrays.stream(Limit.values())
                                .map(Limit::key)
                                .collect(Collectors.joining(", "))
                        + ", "
                        + BURST_SECONDS_KEY
                        + ", "
                        + GET_RECORDS_MAX_BYTES_KEY
                        + ", "
                        + GET_RECORDS_MAX_RECORDS_KEY
                        + " and the fault keys "
                        + KinesisFaults.keys());
    }
}
