package io.kinesisconnect.common.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum-valued config setting: lower-case, dash-separated values such as {@code kafka-partition},
 * with the validator, recommender and parser that go with it. Both connectors and the shared AWS
 * settings write every enum-valued key this way; {@link VisibleWhen} hides the keys that only apply
 * to some of its values.
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

    /** Every config value of {@code type}, in declaration order. */
    static <E extends Enum<E> & ConfigChoice> List<String> values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigChoice::configValue).toList();
    }
}
