package io.kinesisconnect.testkit.limits;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The emulator behind the proxy, reached over plain HTTP/1.1. Requests keep the client's headers
 * (signature included: the emulators check its shape, not its value, so a body the proxy trimmed
 * still passes) except those that describe the hop rather than the call.
 */
final class Upstream {

    /** Headers of one connection, which the HTTP client sets itself or refuses to take. */
    private static final Set<String> HOP_HEADERS =
            Set.of(
                    "host",
                    "content-length",
                    "connection",
                    "keep-alive",
                    "expect",
                    "upgrade",
                    "transfer-encoding",
                    "te",
                    "trailer",
                    "proxy-connection",
                    "http2-settings",
                    "date");

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI endpoint;
    private final HttpClient http;

    Upstream(URI endpoint) {
        this.endpoint = endpoint;
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
    }

    URI endpoint() {
        return endpoint;
    }

    /** Sends {@code body} with the client's {@code headers} and returns the upstream's answer. */
    HttpReply forward(Map<String, List<String>> headers, byte[] body) throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint.resolve("/"))
                        .timeout(REQUEST_TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(
                (name, values) -> {
                    if (!isHopHeader(name)) {
                        values.forEach(value -> request.header(name, value));
                    }
                });
        try {
            HttpResponse<byte[]> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> answerHeaders = new HashMap<>();
            response.headers()
                    .map()
                    .forEach(
                            (name, values) -> {
                                if (!isHopHeader(name) && !name.startsWith(":")) {
                                    answerHeaders.put(name, values);
                                }
                            });
            return new HttpReply(response.statusCode(), answerHeaders, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for " + endpoint, e);
        }
    }

    static boolean isHopHeader(String name) {
        return HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }
}
