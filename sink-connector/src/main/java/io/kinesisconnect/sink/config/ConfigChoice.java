package io.kinesisconnect.sink.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * An enum-valued config setting: lower-case, dash-separated values such as {@code kafka-partition},
 * with the validator and recommender that go with it.
 */
public interface ConfigChoice {

    /** The enum constant's name, as every enum has it. */
    String name();

    /** The value as written in a config: {@code PIN_PARTITION} becomes {@code pin-partition}. */
    default String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses {@code value} (case-insensitive), or empty when it is none of {@code type}'s values.
     */
    static <E extends Enum<E> & ConfigChoice> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.configValue().equalsIgnoreCase(v))
                .findFirst();
    }

    /** Parses a value that a {@link #validator} has already accepted. */
    static <E extends Enum<E> & ConfigChoice> E of(Class<E> type, String value) {
        return parse(type, value)
                .orElseThrow(
                        () -> new ConfigException("Not a " + type.getSimpleName() + ": " + value));
    }

    /** Every config value of {@code type}, in declaration order. */
    static <E extends Enum<E> & ConfigChoice> List<String> values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigChoice::configValue).toList();
    }

    /** Accepts exactly the config values of {@code type}, naming them in its message. */
    static <E extends Enum<E> & ConfigChoice> ConfigDef.Validator validator(Class<E> type) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (parse(type, value == null ? null : value.toString()).isEmpty()) {
                    throw new ConfigException(name, value, "must be one of " + values(type));
                }
            }

            @Override
            public String toString() {
                return String.join(", ", values(type));
            }
        };
    }

    /** Recommends the config values of {@code type}; the key is always visible. */
    static <E extends Enum<E> & ConfigChoice> ConfigDef.Recommender recommender(Class<E> type) {
        return new ConfigDef.Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                return List.copyOf(values(type));
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsedConfig) {
                return true;
            }
        };
    }

    /**
     * Shows a key only while the setting {@code selector} has one of the given values, so that keys
     * that do not apply stay hidden.
     */
    static ConfigDef.Recommender visibleWhen(String selector, ConfigChoice... choices) {
        return new ConfigDef.Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                return List.of();
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsedConfig) {
                Object current = parsedConfig.get(selector);
                return current != null
                        && Arrays.stream(choices)
                                .anyMatch(
                                        c -> c.configValue().equalsIgnoreCase(current.toString()));
            }
        };
    }
}
