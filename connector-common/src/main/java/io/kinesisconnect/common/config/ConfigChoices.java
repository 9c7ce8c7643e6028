package io.kinesisconnect.common.config;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The ConfigDef side of a {@link ConfigChoice}: its validator, its recommender and its parser. */
public final class ConfigChoices {

    private ConfigChoices() {}

    /** Parses a value that a {@link #validator} has already accepted. */
    public static <E extends Enum<E> & ConfigChoice> E of(Class<E> type, String value) {
        return ConfigChoice.parse(type, value)
                .orElseThrow(
                        () ->
                                new ConfigException(
                                        "'"
                                                + value
                                                + "' is not a "
                                                + type.getSimpleName()
                                                + "; accepted: "
                                                + ConfigChoice.values(type)));
    }

    /** Accepts exactly the config values of {@code type} (any case), naming them in its message. */
    public static <E extends Enum<E> & ConfigChoice> ConfigDef.Validator validator(Class<E> type) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (ConfigChoice.parse(type, value == null ? null : value.toString()).isEmpty()) {
                    throw new ConfigException(
                            name, value, "must be one of " + ConfigChoice.values(type));
                }
            }

            @Override
            public String toString() {
                return String.join(", ", ConfigChoice.values(type));
            }
        };
    }

    /** Recommends the config values of {@code type}; the key is always visible. */
    public static <E extends Enum<E> & ConfigChoice> ConfigDef.Recommender recommender(
            Class<E> type) {
        return new ConfigDef.Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                return List.copyOf(ConfigChoice.values(type));
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsedConfig) {
                return true;
            }
        };
    }
}
