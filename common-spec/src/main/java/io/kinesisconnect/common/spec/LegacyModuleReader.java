package io.kinesisconnect.common.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the {@code module:} layout of StateFun 2.x ({@code version: "1.0"} or {@code "2.0"}) and
 * 3.0: {@code module.spec.ingresses[].ingress.{meta.{type,id},spec}} and the same for egresses.
 */
final class LegacyModuleReader {
    static final List<String> VERSIONS = List.of("1.0", "2.0", "3.0");
    private static final String V2_INGRESS = "statefun.kinesis.io/routable-protobuf-ingress";
    private static final String V2_EGRESS = "statefun.kinesis.io/generic-egress";
    private static final String V3_INGRESS = "io.statefun.kinesis/ingress";
    private static final String V3_EGRESS = "io.statefun.kinesis/egress";

    private final SpecContext ctx;
    private final Consumer<Component> out;
    private boolean v3;

    LegacyModuleReader(SpecContext ctx, Consumer<Component> out) {
        this.ctx = ctx;
        this.out = out;
    }

    void read(Fields doc) {
        Optional<String> version = doc.string("version");
        if (version.isEmpty()) {
            return;
        }
        if (!VERSIONS.contains(version.get())) {
            ctx.error(
                    "version",
                    doc.line("version"),
                    "unsupported version '"
                            + version.get()
                            + "'; accepted: "
                            + String.join(", ", VERSIONS)
                            + ", or 3.1+ documents with 'kind'");
            return;
        }
        v3 = version.get().equals("3.0");
        if (!doc.has("module")) {
            doc.missing("module", "the module with its meta and spec");
        }
        doc.map("module").ifPresent(this::module);
        doc.reportUnknown(List.of("version", "module"), Map.of());
    }

    private void module(Fields module) {
        module.map("meta").ifPresent(meta -> meta.ignore(meta.keys().toArray(String[]::new)));
        if (!module.has("spec")) {
            module.missing("spec", "the module's ingresses and egresses");
        }
        module.map("spec").ifPresent(this::moduleSpec);
        module.reportUnknown(List.of("meta", "spec"), Map.of());
    }

    private void moduleSpec(Fields spec) {
        components(spec, "ingresses", "ingress", ComponentKind.INGRESS);
        components(spec, "egresses", "egress", ComponentKind.EGRESS);
        for (String other : spec.keys()) {
            if (!other.equals("ingresses") && !other.equals("egresses")) {
                spec.ignore(other);
                ctx.info(
                        spec.path(other),
                        spec.line(other),
                        "'" + other + "' is not a Kinesis component; skipped");
            }
        }
    }

    private void components(Fields spec, String listKey, String itemKey, ComponentKind kind) {
        Optional<YamlNode.Sequence> list = spec.list(listKey);
        if (list.isEmpty()) {
            return;
        }
        for (int i = 0; i < list.get().items().size(); i++) {
            String path = SpecPaths.index(spec.path(listKey), i);
            Fields.of(ctx, list.get().items().get(i), path)
                    .ifPresent(
                            item -> {
                                if (!item.has(itemKey)) {
                                    item.missing(
                                            itemKey,
                                            "each entry of '"
                                                    + listKey
                                                    + "' is '- "
                                                    + itemKey
                                                    + ": {meta, spec}'");
                                }
                                item.map(itemKey).ifPresent(c -> component(c, kind));
                                item.reportUnknown(List.of(itemKey), Map.of());
                            });
        }
    }

    private void component(Fields c, ComponentKind kind) {
        Optional<Fields> meta = c.has("meta") ? c.map("meta") : Optional.empty();
        if (!c.has("meta")) {
            c.missing("meta", "the component's type and id");
        }
        if (meta.isEmpty()) {
            c.ignore("spec");
            return;
        }
        Optional<String> type =
                meta.get()
                        .requiredString(
                                "type",
                                "the component type, such as "
                                        + (kind == ComponentKind.INGRESS ? V3_INGRESS : V3_EGRESS));
        if (type.isEmpty() || !isKinesis(meta.get(), type.get(), kind)) {
            c.ignore("spec");
            meta.get().ignore("id");
            c.reportUnknown(List.of("meta", "spec"), Map.of());
            return;
        }
        Optional<String> id =
                meta.get()
                        .node("id")
                        .flatMap(
                                n ->
                                        Ids.namespaceName(
                                                        ctx,
                                                        n,
                                                        meta.get().path("id"),
                                                        "component id")
                                                .map(p -> p[0] + "/" + p[1]));
        if (!meta.get().has("id")) {
            meta.get().missing("id", "the component id, namespace/name");
        }
        meta.get().reportUnknown(List.of("type", "id"), Map.of());
        if (!c.has("spec")) {
            c.missing("spec", "the component's settings");
        }
        Optional<Fields> spec = c.map("spec");
        c.reportUnknown(List.of("meta", "spec"), Map.of());
        if (spec.isPresent()) {
            Optional<Component> component =
                    ComponentReader.read(kind, id.orElse(""), spec.get(), List.of());
            component.filter(x -> id.isPresent()).ifPresent(out);
        }
    }

    /** Whether {@code type} is a Kinesis component; other types are reported as skipped. */
    private boolean isKinesis(Fields meta, String type, ComponentKind kind) {
        String own =
                kind == ComponentKind.INGRESS
                        ? (v3 ? V3_INGRESS : V2_INGRESS)
                        : (v3 ? V3_EGRESS : V2_EGRESS);
        String other =
                kind == ComponentKind.INGRESS
                        ? (v3 ? V2_INGRESS : V3_INGRESS)
                        : (v3 ? V2_EGRESS : V3_EGRESS);
        if (type.equals(own)) {
            return true;
        }
        if (type.equals(other)) {
            ctx.warning(
                    meta.path("type"),
                    meta.line("type"),
                    "'"
                            + type
                            + "' is the type name of another StateFun version; in this file's version write '"
                            + own
                            + "'");
            return true;
        }
        if (type.contains("kinesis")) {
            ctx.error(
                    meta.path("type"),
                    meta.line("type"),
                    "unknown Kinesis type '" + type + "'; did you mean '" + own + "'?");
            return false;
        }
        ctx.info(
                meta.path("type"),
                meta.line("type"),
                "'" + type + "' is not a Kinesis component; skipped");
        return false;
    }
}
