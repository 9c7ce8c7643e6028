package io.kinesisconnect.sink;

import io.kinesisconnect.common.config.ConfigChoice;
import io.kinesisconnect.common.config.ConfigErrors;
import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.keys.KplConfigKeys;
import io.kinesisconnect.sink.config.HashKeySource;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.config.PartitionKeySource;
import io.kinesisconnect.sink.config.SinkWriter;
import io.kinesisconnect.sink.write.KplSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code validate()} adds to the ConfigDef's key-by-key checks: KPL pass-through keys, the
 * TLS-only endpoint, settings that depend on each other, the shared AWS checks, and whether the
 * target streams exist when the endpoint answers.
 */
final class SinkConfigValidator {

    private static final Logger log = LoggerFactory.getLogger(SinkConfigValidator.class);

    private SinkConfigValidator() {}

    static Config validate(Map<String, String> props, Config config) {
        // Connect's validate() has errors only, no warnings: a warning goes to the worker log
        KplSettings.processListExposure(props).ifPresent(w -> log.warn("Sink config: {}", w));
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        config.configValues().forEach(v -> values.put(v.name(), v));
        // KPL key errors do not keep the stream check from running; key-by-key errors do
        boolean keysValid = values.values().stream().allMatch(v -> v.errorMessages().isEmpty());
        boolean sdk =
                ConfigChoice.parse(SinkWriter.class, props.get(KinesisSinkConfig.WRITER_CONFIG))
                        .filter(SinkWriter.SDK::equals)
                        .isPresent();
        if (!sdk) {
            // the kpl.* keys and the TLS-only endpoint matter only to the KPL writer
            addAll(values, props, KplSettings.validate(props));
        }
        if (keysValid) {
            KinesisSinkConfig sink;
            try {
                sink = new KinesisSinkConfig(props);
            } catch (ConfigException e) {
                return new Config(new ArrayList<>(values.values()));
            }
            Map<String, List<String>> problems = crossFieldProblems(sink);
            problems.putAll(sink.aws().validate());
            addAll(values, props, problems);
            if (problems.isEmpty()) {
                addAll(values, props, StreamCheck.missingStreams(props, sink));
            }
        }
        return new Config(new ArrayList<>(values.values()));
    }

    /** Settings that are valid alone but not together, per key. */
    static Map<String, List<String>> crossFieldProblems(KinesisSinkConfig config) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        switch (config.streamRouting()) {
            case STATIC -> {
                if (config.streamTemplate().isEmpty()) {
                    ConfigErrors.add(
                            errors,
                            KinesisSinkConfig.STREAM_CONFIG,
                            "is required with routing static");
                }
            }
            case MAPPING -> {
                if (config.streamMapping().isEmpty() && config.streamTemplate().isEmpty()) {
                    ConfigErrors.add(
                            errors,
                            KinesisSinkConfig.STREAM_MAPPING_CONFIG,
                            "routing mapping needs a mapping, or "
                                    + KinesisSinkConfig.STREAM_CONFIG
                                    + " as the stream for every topic");
                }
            }
            default -> {
                if (config.streamHeader().isBlank()) {
                    ConfigErrors.add(
                            errors,
                            KinesisSinkConfig.STREAM_HEADER_CONFIG,
                            "is required with routing header");
                }
            }
        }
        requireWhen(
                errors,
                config.partitionKeySource() == PartitionKeySource.HEADER,
                KinesisSinkConfig.PARTITION_KEY_HEADER_CONFIG,
                config.partitionKeyHeader(),
                "partition key source header");
        requireWhen(
                errors,
                config.partitionKeySource() == PartitionKeySource.FIELD,
                KinesisSinkConfig.PARTITION_KEY_FIELD_CONFIG,
                config.partitionKeyField(),
                "partition key source field");
        requireWhen(
                errors,
                config.hashKeySource() == HashKeySource.HEADER,
                KinesisSinkConfig.HASH_KEY_HEADER_CONFIG,
                config.hashKeyHeader(),
                "explicit hash key source header");
        if (config.hashKeySource() == HashKeySource.PIN_PARTITION
                && config.hashKeyPartitions() <= 0) {
            ConfigErrors.add(
                    errors,
                    KinesisSinkConfig.HASH_KEY_PARTITIONS_CONFIG,
                    "must be the topic's partition count (at least 1) with explicit hash key"
                            + " source pin-partition");
        }
        return errors;
    }

    private static void requireWhen(
            Map<String, List<String>> errors,
            boolean applies,
            String key,
            String value,
            String when) {
        if (applies && value.isBlank()) {
            ConfigErrors.add(errors, key, "is required with " + when);
        }
    }

    private static void addAll(
            Map<String, ConfigValue> values,
            Map<String, String> props,
            Map<String, List<String>> errors) {
        errors.forEach(
                (key, messages) -> {
                    ConfigValue value =
                            values.computeIfAbsent(
                                    key,
                                    k ->
                                            new ConfigValue(
                                                    k,
                                                    shown(k, props),
                                                    new ArrayList<>(),
                                                    new ArrayList<>()));
                    messages.forEach(value::addErrorMessage);
                });
    }

    /** The value to echo back in the validation answer; secrets are not echoed. */
    private static Object shown(String key, Map<String, String> props) {
        String kplKey =
                key.startsWith(KinesisSinkConfig.KPL_PREFIX)
                        ? key.substring(KinesisSinkConfig.KPL_PREFIX.length())
                        : "";
        boolean secret =
                AwsKeys.SECRET_KEYS.contains(key) || KplConfigKeys.SECRET_KEYS.contains(kplKey);
        return secret ? null : props.get(key);
    }
}
