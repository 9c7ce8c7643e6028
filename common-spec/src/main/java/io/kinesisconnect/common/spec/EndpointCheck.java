package io.kinesisconnect.common.spec;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks a custom endpoint URL: https, or http for emulators (with a warning). */
final class EndpointCheck {
    private EndpointCheck() {}

    static void check(Fields f, String endpoint) {
        String path = f.path("endpoint");
        int line = f.line("endpoint");
        try {
            URI uri = new URI(endpoint);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null) {
                f.context()
                        .error(
                                path,
                                line,
                                "'"
                                        + endpoint
                                        + "' is not a URL with a scheme and a host, such as https://localhost:4567");
            } else if (scheme.equals("http")) {
                f.context()
                        .warning(
                                path,
                                line,
                                "plain http sends requests unencrypted; use it only for local emulators");
            } else if (!scheme.equals("https")) {
                f.context()
                        .error(
                                path,
                                line,
                                "unsupported scheme '"
                                        + scheme
                                        + "'; use https (or http for emulators)");
            }
        } catch (URISyntaxException e) {
            f.context()
                    .error(path, line, "'" + endpoint + "' is not a valid URL: " + e.getReason());
        }
    }
}
