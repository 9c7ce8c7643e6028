package io.kinesisconnect.common.spec;

import io.kinesisconnect.common.text.DidYouMean;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads one StateFun 3.1+ document: {@code kind: io.statefun.kinesis.v1/ingress} and its {@code
 * spec}.
 */
final class KindDocumentReader {
    private static final String INGRESS = "io.statefun.kinesis.v1/ingress";
    private static final String EGRESS = "io.statefun.kinesis.v1/egress";

    private final SpecContext ctx;
    private final Consumer<Component> out;

    KindDocumentReader(SpecContext ctx, Consumer<Component> out) {
        this.ctx = ctx;
        this.out = out;
    }

    void read(Fields doc) {
        Optional<String> kindName = doc.string("kind");
        Optional<ComponentKind> kind = kindName.flatMap(k -> kind(doc, k));
        if (kind.isEmpty()) {
            doc.ignore(doc.keys().toArray(String[]::new));
            return;
        }
        if (!doc.has("spec")) {
            doc.missing("spec", "the component's id and settings");
        }
        doc.map("spec")
                .ifPresent(
                        spec -> {
                            Optional<String> id =
                                    spec.node("id")
                                            .flatMap(
                                                    n ->
                                                            Ids.namespaceName(
                                                                            ctx,
                                                                            n,
                                                                            spec.path("id"),
                                                                            "component id")
                                                                    .map(p -> p[0] + "/" + p[1]));
                            if (!spec.has("id")) {
                                spec.missing("id", "the component id, namespace/name");
                            }
                            ComponentReader.read(kind.get(), id.orElse(""), spec, List.of("id"))
                                    .filter(c -> id.isPresent())
                                    .ifPresent(out);
                        });
        doc.reportUnknown(List.of("kind", "spec"), Map.of());
    }

    private Optional<ComponentKind> kind(Fields doc, String kind) {
        if (kind.equals(INGRESS)) {
            return Optional.of(ComponentKind.INGRESS);
        }
        if (kind.equals(EGRESS)) {
            return Optional.of(ComponentKind.EGRESS);
        }
        if (kind.contains("kinesis")) {
            ctx.error(
                    "kind",
                    doc.line("kind"),
                    "unknown Kinesis kind '"
                            + kind
                            + "'; accepted: "
                            + INGRESS
                            + ", "
                            + EGRESS
                            + "."
                            + DidYouMean.hint(kind, List.of(INGRESS, EGRESS)));
        } else {
            ctx.info(
                    "kind", doc.line("kind"), "'" + kind + "' is not a Kinesis component; skipped");
        }
        return Optional.empty();
    }
}
