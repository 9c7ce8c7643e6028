package io.kinesisconnect.common.spec;

import java.util.Optional;

/** Checks StateFun identifiers of the form {@code namespace/name}. */
final class Ids {
    private Ids() {}

    /** The namespace and name of {@code node}, or empty with an error naming {@code what}. */
    static Optional<String[]> namespaceName(
            SpecContext ctx, YamlNode node, String path, String what) {
        if (!(node instanceof YamlNode.Scalar s) || s.isNull() || s.text().isBlank()) {
            ctx.error(
                    path,
                    node.line(),
                    "a " + what + " must be 'namespace/name', found " + node.describe());
            return Optional.empty();
        }
        String text = s.text().trim();
        int slash = text.lastIndexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            ctx.error(
                    path,
                    node.line(),
                    "a " + what + " must be 'namespace/name', found '" + text + "'");
            return Optional.empty();
        }
        return Optional.of(new String[] {text.substring(0, slash), text.substring(slash + 1)});
    }
}
