package io.kinesisconnect.common.spec;

import io.kinesisconnect.common.aws.KinesisNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an ingress's {@code streams}: names, value types ({@code valueType} or {@code typeUrl}) and
 * targets.
 */
final class StreamsReader {
    /**
     * Kinesis stream names; the same rule keeps {@code kinesis.stream.<name>.topics} keys
     * parseable.
     */
    private static final List<String> KEYS = List.of("stream", "valueType", "typeUrl", "targets");

    private StreamsReader() {}

    static Optional<List<StreamSpec>> read(Fields spec) {
        Optional<YamlNode.Sequence> list =
                nonEmptyList(
                        spec,
                        "streams",
                        "an ingress needs at least one stream to read",
                        "'streams' is empty; an ingress needs at least one stream to read");
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<StreamSpec> streams = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        List<YamlNode> items = list.get().items();
        for (int i = 0; i < items.size(); i++) {
            String path = SpecPaths.index(spec.path("streams"), i);
            Optional<StreamSpec> stream =
                    Fields.of(spec.context(), items.get(i), path).flatMap(StreamsReader::stream);
            if (stream.isPresent() && !seen.add(stream.get().stream())) {
                spec.context()
                        .error(
                                path,
                                items.get(i).line(),
                                "stream '"
                                        + stream.get().stream()
                                        + "' is listed twice; merge its targets into one entry");
                ok = false;
            }
            ok &= stream.isPresent();
            stream.ifPresent(streams::add);
        }
        return ok ? Optional.of(List.copyOf(streams)) : Optional.empty();
    }

    private static Optional<StreamSpec> stream(Fields f) {
        Optional<String> name = f.requiredString("stream", "the Kinesis stream name");
        name.filter(n -> !KinesisNames.NAME.matcher(n).matches())
                .ifPresent(
                        n ->
                                f.context()
                                        .error(
                                                f.path("stream"),
                                                f.line("stream"),
                                                "'"
                                                        + n
                                                        + "' is not a valid Kinesis stream name (1 to 128 of a-z A-Z 0-9 _ . -)"));
        Optional<String> valueType = valueType(f);
        Optional<List<StreamSpec.Target>> targets = targets(f);
        f.reportUnknown(KEYS, Map.of());
        if (name.isEmpty()
                || !KinesisNames.NAME.matcher(name.get()).matches()
                || targets.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new StreamSpec(
                        name.get(),
                        valueType,
                        targets.get(),
                        f.context().origin(f.path(), f.line())));
    }

    private static Optional<String> valueType(Fields f) {
        if (f.has("valueType") && f.has("typeUrl")) {
            f.context()
                    .error(
                            f.path("typeUrl"),
                            f.line("typeUrl"),
                            "give either valueType or typeUrl (its older name), not both");
        }
        Optional<String> valueType = f.string("valueType");
        return valueType.isPresent() ? valueType : f.string("typeUrl");
    }

    private static Optional<List<StreamSpec.Target>> targets(Fields f) {
        Optional<YamlNode.Sequence> list =
                nonEmptyList(
                        f,
                        "targets",
                        "the functions (namespace/name) that receive the stream's records",
                        "'targets' is empty; name at least one function (namespace/name)");
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<StreamSpec.Target> targets = new ArrayList<>();
        List<YamlNode> items = list.get().items();
        for (int i = 0; i < items.size(); i++) {
            String path = SpecPaths.index(f.path("targets"), i);
            Optional<String[]> parts = Ids.namespaceName(f.context(), items.get(i), path, "target");
            int line = items.get(i).line();
            parts.ifPresent(
                    p ->
                            targets.add(
                                    new StreamSpec.Target(
                                            p[0], p[1], f.context().origin(path, line))));
        }
        return targets.size() == items.size()
                ? Optional.of(List.copyOf(targets))
                : Optional.empty();
    }

    /**
     * The list under {@code key}, when it is present, a list, and not empty; otherwise empty, with
     * a diagnostic that says which of the three it is.
     */
    private static Optional<YamlNode.Sequence> nonEmptyList(
            Fields f, String key, String missingHint, String emptyMessage) {
        if (!f.has(key)) {
            f.missing(key, missingHint);
            return Optional.empty();
        }
        boolean explicitNull =
                f.node(key).filter(n -> n instanceof YamlNode.Scalar s && s.isNull()).isPresent();
        Optional<YamlNode.Sequence> list = explicitNull ? Optional.empty() : f.list(key);
        if (explicitNull || list.map(l -> l.items().isEmpty()).orElse(false)) {
            f.context().error(f.path(key), f.line(key), emptyMessage);
            return Optional.empty();
        }
        return list;
    }
}
