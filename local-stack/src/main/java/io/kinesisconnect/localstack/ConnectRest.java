package io.kinesisconnect.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinesisconnect.processes.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The parts of the Connect REST API the end-to-end tests and the quickstart use, over plain HTTP.
 */
public final class ConnectRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** One answer: the HTTP status and the body parsed as JSON (null when it is not JSON). */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** DELETE {@code path}, relative to the worker's base URL. */
    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** POST {@code path} with no body, such as {@code /connectors/NAME/restart}. */
    public Answer post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Answer put(String path, Object body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    /** Waits until the worker answers GET /connectors with 200 (it answers 404 while starting). */
    public void awaitReady(Duration timeout) {
        Await.until(
                baseUrl + " to answer GET /connectors",
                timeout,
                () -> get("/connectors").status() == 200);
    }

    /** The connector classes of GET /connector-plugins, with the versions they report. */
    public List<JsonNode> connectorPlugins() {
        Answer answer = get("/connector-plugins");
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /connector-plugins: " + answer);
        }
        List<JsonNode> plugins = new ArrayList<>();
        answer.json().forEach(plugins::add);
        return plugins;
    }

    /** Creates or updates a connector with PUT /connectors/{name}/config. */
    public void putConfig(String name, Map<String, String> config) {
        Answer answer = put("/connectors/" + name + "/config", config);
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException("PUT config of " + name + ": " + answer);
        }
    }

    /** GET /connectors/{name}/status. */
    public JsonNode status(String name) {
        Answer answer = get("/connectors/" + name + "/status");
        if (answer.status() != 200) {
            throw new IllegalStateException("GET status of " + name + ": " + answer);
        }
        return answer.json();
    }

    /** GET /connectors/{name}/offsets: the source offsets Connect has committed. */
    public JsonNode offsets(String name) {
        Answer answer = get("/connectors/" + name + "/offsets");
        if (answer.status() != 200) {
            throw new IllegalStateException("GET offsets of " + name + ": " + answer);
        }
        return answer.json();
    }

    /** The worker of each RUNNING task of the connector, by task id, from its status. */
    public Map<Integer, String> runningTasks(String name) {
        Map<Integer, String> running = new TreeMap<>();
        for (JsonNode task : status(name).path("tasks")) {
            if ("RUNNING".equals(task.path("state").asText())) {
                running.put(task.path("id").asInt(), task.path("worker_id").asText());
            }
        }
        return running;
    }

    /**
     * Waits until the connector and {@code tasks} tasks are RUNNING, and returns the workers that
     * run the tasks. A FAILED task fails the wait at once, with its trace.
     */
    public Set<String> awaitRunning(String name, int tasks, Duration timeout) {
        JsonNode[] last = {null};
        Await.until(
                "connector " + name + " and " + tasks + " tasks RUNNING",
                timeout,
                () -> {
                    last[0] = status(name);
                    JsonNode taskList = last[0].path("tasks");
                    for (JsonNode task : taskList) {
                        if ("FAILED".equals(task.path("state").asText())) {
                            throw new AssertionError(
                                    "Task of " + name + " FAILED: " + task.path("trace").asText());
                        }
                    }
                    int running = 0;
                    for (JsonNode task : taskList) {
                        running += "RUNNING".equals(task.path("state").asText()) ? 1 : 0;
                    }
                    return "RUNNING".equals(last[0].path("connector").path("state").asText())
                            && taskList.size() == tasks
                            && running == tasks;
                },
                () -> String.valueOf(last[0]));
        Set<String> workers = new TreeSet<>();
        last[0].path("tasks").forEach(task -> workers.add(task.path("worker_id").asText()));
        return workers;
    }

    /**
     * Waits until the connector and all its tasks (at least one) are RUNNING, whatever their
     * number. A FAILED task fails the wait at once, with its trace.
     */
    public void awaitAllRunning(String name, Duration timeout) {
        JsonNode[] last = {null};
        Await.until(
                "connector " + name + " and all its tasks RUNNING",
                timeout,
                () -> {
                    last[0] = status(name);
                    JsonNode tasks = last[0].path("tasks");
                    boolean allRunning = tasks.size() > 0;
                    for (JsonNode task : tasks) {
                        String state = task.path("state").asText();
                        if ("FAILED".equals(state)) {
                            throw new AssertionError(
                                    "Task of " + name + " FAILED: " + task.path("trace").asText());
                        }
                        allRunning &= "RUNNING".equals(state);
                    }
                    return allRunning
                            && "RUNNING".equals(last[0].path("connector").path("state").asText());
                },
                () -> String.valueOf(last[0]));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(
                            request.timeout(REQUEST_TIMEOUT).build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
