package io.kinesisconnect.sink.write;

import io.kinesisconnect.common.aws.AwsConfigFragment;
import io.kinesisconnect.common.config.ConfigErrors;
import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.keys.KplConfigKeys;
import io.kinesisconnect.common.text.DidYouMean;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.kinesis.producer.KinesisProducerConfiguration;

/**
 * The KPL's settings: the shared AWS settings (region, endpoint, TLS verification, credentials)
 * plus the {@code kpl.*} pass-through keys, checked against the KPL's own key table.
 */
public final class KplSettings {

    /** KPL keys that a shared AWS setting owns, so there is one switch for each concern. */
    static final Map<String, String> OWNED_BY_SHARED = KplConfigKeys.OWNED_BY_SHARED;

    private static final int HTTPS_PORT = 443;

    /** Added to the KPL's own time limits for the record deadline: callbacks and scheduling. */
    static final Duration DEADLINE_GRACE = Duration.ofSeconds(5);

    private KplSettings() {}

    /**
     * Problems with the KPL settings in {@code props}, per config key: unknown {@code kpl.*} keys,
     * out-of-range values, keys owned by a shared setting, and an endpoint the KPL cannot use.
     */
    public static Map<String, List<String>> validate(Map<String, String> props) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        props.forEach(
                (key, value) -> {
                    if (key.startsWith(KinesisSinkConfig.KPL_PREFIX)) {
                        kplKeyProblem(key.substring(KinesisSinkConfig.KPL_PREFIX.length()), value)
                                .ifPresent(p -> ConfigErrors.add(errors, key, p));
                    }
                });
        endpointProblem(props.get(AwsKeys.ENDPOINT))
                .ifPresent(p -> ConfigErrors.add(errors, AwsKeys.ENDPOINT, p));
        return errors;
    }

    static Optional<String> kplKeyProblem(String kplKey, String value) {
        String key = KinesisSinkConfig.KPL_PREFIX + kplKey;
        if (OWNED_BY_SHARED.containsKey(kplKey)) {
            return Optional.of(
                    key + " cannot be set here: use " + OWNED_BY_SHARED.get(kplKey) + " instead");
        }
        if (!KplConfigKeys.KEYS.containsKey(kplKey)) {
            return Optional.of(
                    key
                            + " is not a KPL setting."
                            + DidYouMean.hint(kplKey, KplConfigKeys.KEYS.keySet())
                            + " Known keys (after "
                            + KinesisSinkConfig.KPL_PREFIX
                            + "): "
                            + String.join(", ", KplConfigKeys.KEYS.keySet()));
        }
        boolean secret = KplConfigKeys.SECRET_KEYS.contains(kplKey);
        return KplConfigKeys.check(kplKey, value == null ? "" : value)
                .map(p -> key + " " + p + ", found '" + (secret ? "[hidden]" : value) + "'");
    }

    /**
     * A warning when a secret {@code kpl.*} setting is set (today {@code kpl.ProxyPassword}): the
     * KPL hands its whole configuration to its child process on the command line, hex-encoded, so
     * any local user who can list processes can read it. A warning, not an error: there is no other
     * way to give the KPL a proxy password, and a validation error would refuse the connector.
     */
    public static Optional<String> processListExposure(Map<String, String> props) {
        List<String> exposed =
                KplConfigKeys.SECRET_KEYS.stream()
                        .map(k -> KinesisSinkConfig.KPL_PREFIX + k)
                        .filter(k -> props.get(k) != null && !props.get(k).isEmpty())
                        .sorted()
                        .toList();
        if (exposed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                String.join(", ", exposed)
                        + " is passed by the KPL to its child process on the command line"
                        + " (hex-encoded, not encrypted): any local user of the worker's host who can"
                        + " list processes can read it. Run the worker on a host without untrusted"
                        + " local users, or use a proxy that needs no password");
    }

    /** The KPL speaks only TLS: an http endpoint is a configuration error, said plainly. */
    static Optional<String> endpointProblem(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.empty();
        }
        String trimmed = endpoint.trim();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("http://")) {
            return Optional.of(
                    AwsKeys.ENDPOINT
                            + " is "
                            + trimmed
                            + ", but the Kinesis Producer Library connects only over TLS: give an"
                            + " https:// endpoint (for a local emulator its TLS port, with "
                            + AwsKeys.TLS_VERIFY_CERTIFICATES
                            + "=false if its certificate is self-signed)");
        }
        return Optional.empty();
    }

    /** The producer configuration for {@code config}, with credentials from the shared settings. */
    public static KinesisProducerConfiguration producerConfiguration(
            KinesisSinkConfig config, AwsCredentialsProvider credentials) {
        AwsConfigFragment aws = config.aws();
        Map<String, String> kpl = config.kplSettings();
        Properties props = new Properties();
        aws.region().ifPresent(r -> props.setProperty("Region", r));
        aws.endpoint()
                .ifPresent(
                        uri -> {
                            props.setProperty("KinesisEndpoint", uri.getHost());
                            props.setProperty("KinesisPort", Integer.toString(port(uri)));
                        });
        props.setProperty("VerifyCertificate", Boolean.toString(aws.verifyCertificates()));
        props.setProperty("AggregationEnabled", "true");
        // Partition and explicit hash keys choose the shard, which keeps per-key order; with AUTO
        // the KPL may aggregate records of different keys into any shard.
        props.setProperty("RecordDistributionStrategyDefault", "USER_PARTITION_KEY");
        // explicit kpl.* keys win over what the shared settings imply
        props.putAll(kpl);
        KinesisProducerConfiguration kplConfig = KinesisProducerConfiguration.fromProperties(props);
        kplConfig.setCredentialsProvider(credentials);
        return kplConfig;
    }

    /**
     * How long a record may wait for the KPL's answer before the writer gives it up as a transient
     * failure: the KPL's record TTL (after which it fails the record itself) plus one request
     * timeout (a request sent just before the TTL may still answer) plus {@link #DEADLINE_GRACE}.
     * An answer from a healthy KPL always comes sooner; only a destroyed producer, whose futures
     * never complete, reaches it.
     */
    public static Duration recordDeadline(KinesisProducerConfiguration kpl) {
        return Duration.ofMillis(kpl.getRecordTtl())
                .plusMillis(kpl.getRequestTimeout())
                .plus(DEADLINE_GRACE);
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : HTTPS_PORT;
    }

    /** The KPL settings as a log line, with secrets hidden. */
    public static String describe(KinesisSinkConfig config) {
        List<String> parts = new ArrayList<>();
        config.kplSettings()
                .forEach(
                        (k, v) ->
                                parts.add(
                                        k
                                                + "="
                                                + (KplConfigKeys.SECRET_KEYS.contains(k)
                                                        ? "[hidden]"
                                                        : v)));
        return String.join(" ", parts);
    }
}
