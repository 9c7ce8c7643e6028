package io.kinesisconnect.common.spec;

import io.kinesisconnect.common.text.DidYouMean;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the keys of one YAML mapping, reporting wrong types and missing keys at their path and
 * line, and afterwards every key that nobody read as unknown.
 */
final class Fields {
    private final SpecContext ctx;
    private final YamlNode.Mapping map;
    private final String path;
    private final Set<String> read = new HashSet<>();

    private Fields(SpecContext ctx, YamlNode.Mapping map, String path) {
        this.ctx = ctx;
        this.map = map;
        this.path = path;
    }

    /** The mapping at {@code node}, or empty with an error if {@code node} is something else. */
    static Optional<Fields> of(SpecContext ctx, YamlNode node, String path) {
        if (node instanceof YamlNode.Mapping m) {
            return Optional.of(new Fields(ctx, m, path));
        }
        ctx.error(path, node.line(), "must be a map of keys to values, found " + node.describe());
        return Optional.empty();
    }

    String path() {
        return path;
    }

    String path(String key) {
        return SpecPaths.child(path, key);
    }

    int line() {
        return map.line();
    }

    /** The line of {@code key}, or of the mapping itself when the key is absent. */
    int line(String key) {
        YamlNode.Entry e = map.entries().get(key);
        return e == null ? map.line() : e.keyLine();
    }

    Origin origin(String key) {
        return ctx.origin(path(key), line(key));
    }

    SpecContext context() {
        return ctx;
    }

    boolean has(String key) {
        return map.entries().containsKey(key);
    }

    Set<String> keys() {
        return map.entries().keySet();
    }

    /** Marks keys as handled without reading them. */
    void ignore(String... keys) {
        read.addAll(Set.of(keys));
    }

    Optional<YamlNode> node(String key) {
        read.add(key);
        return Optional.ofNullable(map.entries().get(key)).map(YamlNode.Entry::value);
    }

    /** A non-empty scalar; empty values and non-scalars are errors. */
    Optional<String> string(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Scalar s) {
            if (s.isNull() || s.text().isBlank()) {
                ctx.error(path(key), line(key), "'" + key + "' must not be empty");
                return Optional.empty();
            }
            return Optional.of(s.text().trim());
        }
        ctx.error(
                path(key),
                line(key),
                "'" + key + "' must be a single value, found " + node.get().describe());
        return Optional.empty();
    }

    Optional<String> requiredString(String key, String why) {
        if (!has(key)) {
            missing(key, why);
            return Optional.empty();
        }
        return string(key);
    }

    void missing(String key, String why) {
        ctx.error(
                path,
                map.line(),
                "missing required key '" + key + "'" + (why.isEmpty() ? "" : ": " + why));
    }

    Optional<Fields> map(String key) {
        return node(key).flatMap(n -> of(ctx, n, path(key)));
    }

    Optional<YamlNode.Sequence> list(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isPresent() && !(node.get() instanceof YamlNode.Sequence)) {
            ctx.error(
                    path(key),
                    line(key),
                    "'" + key + "' must be a list, found " + node.get().describe());
            return Optional.empty();
        }
        return node.map(YamlNode.Sequence.class::cast);
    }

    /** A whole number between {@code min} and {@code max}. */
    Optional<Long> number(String key, long min, long max) {
        return string(key)
                .flatMap(
                        text -> {
                            try {
                                long v = Long.parseLong(text);
                                if (v >= min && v <= max) {
                                    return Optional.of(v);
                                }
                            } catch (NumberFormatException e) {
                                // reported below with the accepted range
                            }
                            ctx.error(
                                    path(key),
                                    line(key),
                                    "'"
                                            + key
                                            + "' must be a whole number between "
                                            + min
                                            + " and "
                                            + max
                                            + ", found '"
                                            + text
                                            + "'");
                            return Optional.empty();
                        });
    }

    /**
     * Reports every key not read so far: with a hint from {@code hints} when there is one, else
     * with a did-you-mean among {@code known}.
     */
    void reportUnknown(Collection<String> known, Map<String, String> hints) {
        for (YamlNode.Entry e : map.entries().values()) {
            if (read.contains(e.key())) {
                continue;
            }
            String hint = hints.get(e.key());
            String message =
                    hint != null
                            ? "'" + e.key() + "' " + hint + "; ignored"
                            : "unknown key '"
                                    + e.key()
                                    + "' ignored."
                                    + DidYouMean.hint(e.key(), known)
                                    + " Known keys: "
                                    + String.join(", ", known);
            ctx.unknownKey(path(e.key()), e.keyLine(), message);
        }
    }
}
