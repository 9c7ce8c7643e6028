package io.kinesisconnect.common.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Shows a key only while the enum-valued setting {@code selector} has one of the given values, so
 * that keys that do not apply stay hidden; it may also offer the key's own valid values.
 *
 * @param <E> the selector's {@link ConfigChoice} enum
 */
public final class VisibleWhen<E extends Enum<E> & ConfigChoice> implements ConfigDef.Recommender {

    private final String selector;
    private final Class<E> type;
    private final Set<E> choices;
    private final List<Object> offered;

    private VisibleWhen(String selector, Class<E> type, Set<E> choices, List<Object> offered) {
        this.selector = selector;
        this.type = type;
        this.choices = choices;
        this.offered = offered;
    }

    /** Shows the key while {@code selector} is {@code first} or one of {@code more}. */
    @SafeVarargs
    public static <E extends Enum<E> & ConfigChoice> VisibleWhen<E> of(
            String selector, E first, E... more) {
        return new VisibleWhen<>(
                selector, first.getDeclaringClass(), EnumSet.of(first, more), List.of());
    }

    /** The same rule, also recommending the config values of {@code values} for the key. */
    public <V extends Enum<V> & ConfigChoice> VisibleWhen<E> offering(Class<V> values) {
        return new VisibleWhen<>(selector, type, choices, List.copyOf(ConfigChoice.values(values)));
    }

    /** The selector values under which the key applies. */
    public Set<E> choices() {
        return choices;
    }

    /** The selector values under which the key applies, as written in configs, sorted. */
    public List<String> choiceValues() {
        return choices.stream().map(ConfigChoice::configValue).sorted().toList();
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return offered;
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
        Object current = parsedConfig.get(selector);
        return ConfigChoice.parse(type, current == null ? null : current.toString())
                .map(choices::contains)
                .orElse(false);
    }
}
