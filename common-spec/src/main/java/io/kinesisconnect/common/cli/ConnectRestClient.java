package io.kinesisconnect.common.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The few Kafka Connect REST calls that {@code submit} needs. */
final class ConnectRestClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    ConnectRestClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A failed call, with the worker's message. */
    static final class RestException extends IOException {
        private static final long serialVersionUID = 1L;

        RestException(String message) {
            super(message);
        }
    }

    /** Field errors from {@code PUT /connector-plugins/{class}/config/validate}, per config key. */
    Map<String, List<String>> validate(String connectorClass, Map<String, String> config)
            throws IOException, InterruptedException {
        HttpResponse<String> r =
                send(
                        "PUT",
                        "/connector-plugins/" + encode(connectorClass) + "/config/validate",
                        JSON.writeValueAsString(config));
        expect(r, 200);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (JsonNode c : JSON.readTree(r.body()).path("configs")) {
            JsonNode value = c.path("value");
            List<String> messages = new ArrayList<>();
            value.path("errors").forEach(e -> messages.add(e.asText()));
            if (!messages.isEmpty()) {
                errors.put(value.path("name").asText(), messages);
            }
        }
        return errors;
    }

    /** The connector's current config, or empty if there is no such connector. */
    Optional<Map<String, String>> config(String name) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", "/connectors/" + encode(name) + "/config", null);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        expect(r, 200);
        return Optional.of(JSON.readValue(r.body(), new TypeReference<Map<String, String>>() {}));
    }

    /** Creates or updates a connector; returns whether it was created. */
    boolean put(String name, Map<String, String> config) throws IOException, InterruptedException {
        HttpResponse<String> r =
                send(
                        "PUT",
                        "/connectors/" + encode(name) + "/config",
                        JSON.writeValueAsString(config));
        expect(r, 200, 201);
        return r.statusCode() == 201;
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(timeout)
                        .header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RestException(
                    "cannot reach the Connect worker at "
                            + baseUrl
                            + ": "
                            + (e.getMessage() == null
                                    ? e.getClass().getSimpleName()
                                    : e.getMessage()));
        }
    }

    private static void expect(HttpResponse<String> r, int... ok) throws RestException {
        for (int code : ok) {
            if (r.statusCode() == code) {
                return;
            }
        }
        String message = r.body();
        try {
            message = JSON.readTree(r.body()).path("message").asText(r.body());
        } catch (IOException e) {
            // not JSON: show the body as it is
        }
        throw new RestException(
                "HTTP "
                        + r.statusCode()
                        + " from "
                        + r.request().method()
                        + " "
                        + r.uri().getPath()
                        + ": "
                        + message);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
