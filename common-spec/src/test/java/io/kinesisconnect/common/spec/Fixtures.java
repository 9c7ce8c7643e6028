package io.kinesisconnect.common.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Loads the YAML fixtures under {@code src/test/resources/specs}. */
public final class Fixtures {
    public static final List<String> ALL =
            List.of(
                    "doc/doc-ingress.yaml",
                    "doc/doc-egress.yaml",
                    "doc/doc-startup-latest.yaml",
                    "doc/doc-startup-earliest.yaml",
                    "doc/doc-startup-date.yaml",
                    "doc/doc-region-default.yaml",
                    "doc/doc-region-specific.yaml",
                    "doc/doc-region-custom-endpoint.yaml",
                    "doc/doc-credentials-default.yaml",
                    "doc/doc-credentials-basic.yaml",
                    "doc/doc-credentials-profile.yaml",
                    "dialects/v1-module.yaml",
                    "dialects/v2-module.yaml",
                    "dialects/v30-module.yaml",
                    "dialects/v31-module.yaml",
                    "errors/bad-client-properties.yaml",
                    "errors/bad-date.yaml",
                    "errors/malformed.yaml",
                    "errors/no-stream-name.yaml",
                    "errors/no-streams.yaml",
                    "errors/no-targets.yaml",
                    "errors/unknown-key.yaml",
                    "errors/unknown-version.yaml",
                    "errors/wrong-types.yaml");

    private Fixtures() {}

    public static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/specs/" + name)) {
            return new String(
                    Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path path(String name) {
        try {
            return Path.of(
                    Objects.requireNonNull(Fixtures.class.getResource("/specs/" + name), name)
                            .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ParseResult parse(String name) {
        return new ModuleSpecParser(false).parse(name, read(name));
    }
}
