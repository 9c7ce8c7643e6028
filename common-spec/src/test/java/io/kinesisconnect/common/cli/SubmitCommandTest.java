package io.kinesisconnect.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code submit} against a small fake of the Connect REST API, in process. */
class SubmitCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC =
            """
            kind: io.statefun.kinesis.v1/ingress
            spec:
              id: com.example/users
              awsCredentials: {type: basic, accessKeyId: AKIAEXAMPLE, secretAccessKey: s3cr3t-Value}
              streams: [{stream: users, targets: [com.example.fn/greeter]}]
              x-kafka-connect:
                config: {tasks.max: "%s"}
            ---
            kind: io.statefun.kinesis.v1/egress
            spec:
              id: com.example/out
              x-kafka-connect: {topics: [greetings]}
            """;

    @TempDir Path tmp;
    private HttpServer server;
    private final Map<String, Map<String, String>> connectors = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFakeWorker() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        calls.add(ex.getRequestMethod() + " " + path);
        byte[] body = ex.getRequestBody().readAllBytes();
        if (path.endsWith("/config/validate")) {
            Map<String, String> config = JSON.readValue(body, new TypeReference<>() {});
            boolean bad = "0".equals(config.get("tasks.max"));
            String errors =
                    bad
                            ? "[\"Invalid value 0 for configuration tasks.max: must be at least 1\"]"
                            : "[]";
            respond(
                    ex,
                    200,
                    "{\"name\":\"x\",\"error_count\":"
                            + (bad ? 1 : 0)
                            + ",\"configs\":[{\"definition\":{},\"value\":{\"name\":\"tasks.max\",\"errors\":"
                            + errors
                            + "}}]}");
            return;
        }
        String name = path.replaceAll("^/connectors/([^/]+)/config$", "$1");
        if (ex.getRequestMethod().equals("GET")) {
            Map<String, String> c = connectors.get(name);
            respond(
                    ex,
                    c == null ? 404 : 200,
                    c == null
                            ? "{\"error_code\":404,\"message\":\"not found\"}"
                            : JSON.writeValueAsString(c));
        } else {
            boolean created =
                    connectors.put(name, JSON.readValue(body, new TypeReference<>() {})) == null;
            respond(ex, created ? 201 : 200, "{}");
        }
    }

    private static void respond(HttpExchange ex, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private String spec(String tasksMax) throws IOException {
        Path file = tmp.resolve("module-" + tasksMax + ".yaml");
        Files.writeString(file, String.format(SPEC, tasksMax));
        return file.toString();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void createsThenReportsUnchangedOnResubmission() throws IOException {
        CliRun first = CliRun.of("submit", spec("1"), "--connect-url", url());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .contains(
                        "statefun-com-example-users-source: created",
                        "statefun-com-example-out-sink: created",
                        "2 of 2 connector(s) OK");
        assertThat(connectors.get("statefun-com-example-users-source"))
                .containsEntry("aws.secret.access.key", "s3cr3t-Value")
                .containsEntry("name", "statefun-com-example-users-source");
        assertThat(calls)
                .contains(
                        "PUT /connector-plugins/io.kinesisconnect.source.KinesisSourceConnector/config/validate");

        calls.clear();
        CliRun second = CliRun.of("submit", spec("1"), "--connect-url", url());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out())
                .contains(
                        "statefun-com-example-users-source: unchanged",
                        "statefun-com-example-out-sink: unchanged");
        assertThat(calls).noneMatch(c -> c.startsWith("PUT /connectors/"));
        assertThat(first.out() + first.err() + second.out() + second.err())
                .doesNotContain("s3cr3t-Value");
    }

    @Test
    void dryRunChangesNothing() throws IOException {
        CliRun r = CliRun.of("submit", spec("1"), "--connect-url", url(), "--dry-run");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("would create", "(dry run)");
        assertThat(connectors).isEmpty();
        CliRun.of("submit", spec("1"), "--connect-url", url());
        assertThat(CliRun.of("submit", spec("2"), "--connect-url", url(), "--dry-run").out())
                .contains("statefun-com-example-users-source: would update");
        assertThat(connectors.get("statefun-com-example-users-source"))
                .containsEntry("tasks.max", "1");
    }

    @Test
    void workerFieldErrorsAreReportedAndFailTheRun() throws IOException {
        CliRun r = CliRun.of("submit", spec("0"), "--connect-url", url());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .contains(
                        "statefun-com-example-users-source: rejected by the worker's validation",
                        "tasks.max: Invalid value 0");
        assertThat(r.out())
                .contains("statefun-com-example-out-sink: created", "1 of 2 connector(s) OK");
        assertThat(connectors).doesNotContainKey("statefun-com-example-users-source");
    }

    @Test
    void unreachableWorkerIsAClearFailure() throws IOException {
        String spec = spec("1");
        String deadUrl = url();
        server.stop(0);
        CliRun r = CliRun.of("submit", spec, "--connect-url", deadUrl, "--timeout", "PT2S");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .contains("cannot reach the Connect worker")
                .doesNotContain("Exception\n\tat");
    }

    @Test
    void specErrorsStopBeforeAnyCall() throws IOException {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "kind: io.statefun.kinesis.v1/ingress\nspec:\n  id: a/b\n");
        CliRun r = CliRun.of("submit", file.toString(), "--connect-url", url());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("missing required key 'streams'", "nothing submitted");
        assertThat(calls).isEmpty();
    }
}
