package io.kinesisconnect.common.keys;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configuration keys of the Kinesis Producer Library 1.x with their value rules, taken from
 * {@code KinesisProducerConfiguration} (setter range checks) and {@code default_config.properties}.
 */
public final class KplConfigKeys {

    /**
     * KPL keys that a shared AWS setting owns, so there is one switch for each concern: the sink
     * refuses them under kpl.*, and the translator writes the shared key instead.
     */
    public static final Map<String, String> OWNED_BY_SHARED =
            Map.of("VerifyCertificate", AwsKeys.TLS_VERIFY_CERTIFICATES);

    /** How a KPL key's value is checked. */
    public sealed interface Rule permits LongRange, Bool, Matches {
        /** Returns the problem with {@code value}, or empty when the KPL accepts it. */
        Optional<String> check(String value);

        /** What the rule accepts, for messages and docs. */
        String describe();
    }

    /** A whole number between {@code min} and {@code max}, inclusive. */
    public record LongRange(long min, long max) implements Rule {
        @Override
        public Optional<String> check(String value) {
            try {
                long v = Long.parseLong(value.trim());
                return v < min || v > max ? Optional.of("must be " + describe()) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.of("must be a whole number " + describe());
            }
        }

        @Override
        public String describe() {
            return max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
        }
    }

    /** {@code true} or {@code false}. */
    public record Bool() implements Rule {
        @Override
        public Optional<String> check(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            return v.equals("true") || v.equals("false")
                    ? Optional.empty()
                    : Optional.of("must be " + describe());
        }

        @Override
        public String describe() {
            return "true or false";
        }
    }

    /** Text matching a regular expression (the KPL's own, where it has one). */
    public record Matches(String regex, String description) implements Rule {
        @Override
        public Optional<String> check(String value) {
            return Pattern.compile(regex).matcher(value).matches()
                    ? Optional.empty()
                    : Optional.of("must be " + description);
        }

        @Override
        public String describe() {
            return description;
        }
    }

    private static final long MAX = Long.MAX_VALUE;
    private static final Rule PORT = new LongRange(1, 65535);
    private static final Rule HOST = new Matches("^([A-Za-z0-9-\\.]+)?$", "a host name");
    private static final Rule TEXT = new Matches("(?s).*", "any text");

    /** Key name to rule, in the order of the KPL's documentation. */
    public static final Map<String, Rule> KEYS = keys();

    /** KPL keys whose values are secrets. */
    public static final Set<String> SECRET_KEYS = Set.of("ProxyPassword");

    private KplConfigKeys() {}

    private static Map<String, Rule> keys() {
        Map<String, Rule> m = new LinkedHashMap<>();
        m.put("AggregationEnabled", new Bool());
        m.put("AggregationMaxCount", new LongRange(1, MAX));
        m.put("AggregationMaxSize", new LongRange(64, 10_485_760));
        m.put("CaCertFile", TEXT);
        m.put("CaCertPath", TEXT);
        m.put("CloudwatchEndpoint", HOST);
        m.put("CloudwatchPort", PORT);
        m.put("CollectionMaxCount", new LongRange(1, 500));
        m.put("CollectionMaxSize", new LongRange(52_224, MAX));
        m.put("ConnectTimeout", new LongRange(100, 300_000));
        m.put("CredentialsRefreshDelay", new LongRange(1, 300_000));
        m.put("DaemonHealthCheckTimeoutMs", new LongRange(5_000, MAX));
        m.put("DescribeStreamSummaryIntervalMs", new LongRange(1, MAX));
        m.put("EnableCoreDumps", new Bool());
        m.put("EnableDaemonHealthCheck", new Bool());
        m.put("EnableOldestFutureTracker", new Bool());
        m.put("FailIfThrottled", new Bool());
        m.put("KinesisEndpoint", HOST);
        m.put("KinesisPort", PORT);
        m.put(
                "LogLevel",
                new Matches(
                        "trace|debug|info|warning|error", oneOf("trace|debug|info|warning|error")));
        m.put("MaxConnections", new LongRange(1, 256));
        m.put("MaxUserRecordSize", new LongRange(64, 10_485_760));
        m.put(
                "MetricsGranularity",
                new Matches("global|stream|shard", oneOf("global|stream|shard")));
        m.put("MetricsLevel", new Matches("none|summary|detailed", oneOf("none|summary|detailed")));
        m.put(
                "MetricsNamespace",
                new Matches("(?!AWS/).{1,255}", "1 to 255 characters, not starting with AWS/"));
        m.put("MetricsUploadDelay", new LongRange(1, 60_000));
        m.put("MinConnections", new LongRange(1, 16));
        m.put("NativeExecutable", TEXT);
        m.put("ProxyHost", HOST);
        m.put("ProxyPassword", TEXT);
        m.put("ProxyPort", PORT);
        m.put("ProxyUserName", TEXT);
        m.put("RateLimit", new LongRange(1, MAX));
        m.put(
                "RecordDistributionStrategyDefault",
                new Matches(
                        "UNSET|AUTO|USER_PARTITION_KEY", oneOf("UNSET|AUTO|USER_PARTITION_KEY")));
        m.put("RecordMaxBufferedTime", new LongRange(0, MAX));
        m.put("RecordTtl", new LongRange(100, MAX));
        m.put(
                "Region",
                new Matches("^([a-z]+-([a-z]+-)?[a-z]+-[0-9])?$", "a region id such as eu-west-1"));
        m.put("RequestTimeout", new LongRange(100, 600_000));
        m.put("ReturnUserRecordOnFailure", new Bool());
        m.put("StsEndpoint", HOST);
        m.put("StsPort", PORT);
        m.put("TempDirectory", TEXT);
        m.put("ThreadPoolSize", new LongRange(0, Integer.MAX_VALUE));
        m.put("ThreadingModel", new Matches("PER_REQUEST|POOLED", oneOf("PER_REQUEST|POOLED")));
        m.put("UserRecordTimeoutInMillis", new LongRange(0, MAX));
        m.put("VerifyCertificate", new Bool());
        return Collections.unmodifiableMap(m);
    }

    private static String oneOf(String alternatives) {
        return "one of " + alternatives.replace("|", ", ");
    }

    /**
     * Returns the problem with {@code value} for KPL key {@code key}; unknown keys are a problem.
     */
    public static Optional<String> check(String key, String value) {
        Rule rule = KEYS.get(key);
        return rule == null ? Optional.of("is not a KPL configuration key") : rule.check(value);
    }
}
