package io.kinesisconnect.common.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code clientConfigProperties}, written either as StateFun's list of single-key maps or as
 * a plain map. Names are checked later, against the client the component ends up using.
 */
final class ClientPropertiesReader {
    /** Keys that belong to a component's meta, which the reference doc pasted in by mistake. */
    private static final Set<String> COMPONENT_FIELDS = Set.of("type", "id");

    private ClientPropertiesReader() {}

    static List<ClientProperty> read(Fields spec) {
        String key = "clientConfigProperties";
        Map<String, ClientProperty> props = new LinkedHashMap<>();
        spec.node(key)
                .ifPresent(
                        node -> {
                            String path = spec.path(key);
                            if (node instanceof YamlNode.Sequence seq) {
                                for (int i = 0; i < seq.items().size(); i++) {
                                    String itemPath = SpecPaths.index(path, i);
                                    Fields.of(spec.context(), seq.items().get(i), itemPath)
                                            .ifPresent(f -> readMap(f, props));
                                }
                            } else if (node instanceof YamlNode.Mapping) {
                                Fields.of(spec.context(), node, path)
                                        .ifPresent(f -> readMap(f, props));
                            } else if (!(node instanceof YamlNode.Scalar s && s.isNull())) {
                                spec.context()
                                        .error(
                                                path,
                                                node.line(),
                                                "must be a list of 'Name: value' entries or a map, found "
                                                        + node.describe());
                            }
                        });
        return List.copyOf(new ArrayList<>(props.values()));
    }

    private static void readMap(Fields f, Map<String, ClientProperty> props) {
        for (String name : f.keys()) {
            if (COMPONENT_FIELDS.contains(name)) {
                f.ignore(name);
                f.context()
                        .warning(
                                f.path(name),
                                f.line(name),
                                "'"
                                        + name
                                        + "' looks like a misplaced component field (meta."
                                        + name
                                        + "), not a client property; ignored");
                continue;
            }
            f.string(name)
                    .ifPresent(
                            value -> {
                                ClientProperty old =
                                        props.put(
                                                name,
                                                new ClientProperty(name, value, f.origin(name)));
                                if (old != null) {
                                    f.context()
                                            .warning(
                                                    f.path(name),
                                                    f.line(name),
                                                    "'"
                                                            + name
                                                            + "' is also set on line "
                                                            + old.origin().line()
                                                            + "; this later value wins");
                                }
                            });
        }
    }
}
