package io.kinesisconnect.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinesisconnect.processes.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's own {@link EmbeddedConnectCluster} (an in-process KRaft broker and several distributed
 * workers), with helpers that drive it through its REST API and wait for states with a deadline.
 *
 * <pre>{@code
 * try (ConnectTestCluster connect = ConnectTestCluster.builder().workers(2).start()) {
 *     connect.putConnectorConfig("my-source", config);
 *     connect.awaitRunning("my-source", 2, Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class ConnectTestCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectTestCluster.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedConnectCluster cluster;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ConnectTestCluster(EmbeddedConnectCluster cluster) {
        this.cluster = cluster;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The underlying cluster, for what these helpers do not cover (adding or removing workers...).
     */
    public EmbeddedConnectCluster embedded() {
        return cluster;
    }

    /** The broker's bootstrap servers, for producers and consumers in the test. */
    public String bootstrapServers() {
        return cluster.kafka().bootstrapServers();
    }

    /**
     * Sends a REST request to a running worker; {@code path} is relative, e.g. {@code connectors}.
     */
    public RestResponse request(String method, String path, Object body) {
        String url = cluster.endpointForResource(path);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
        }
        try {
            HttpResponse<String> response =
                    http.send(
                            request.build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            log.debug("{} {} -> {}", method, path, response.statusCode());
            return new RestResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + url, e);
        }
    }

    /** PUT /connectors/{name}/config: creates the connector, or updates its config. */
    public RestResponse putConnectorConfig(String name, Map<String, String> config) {
        return request("PUT", "connectors/" + name + "/config", config);
    }

    /** PUT /connector-plugins/{class}/config/validate, returning the worker's verdict. */
    public RestResponse validate(String connectorClass, Map<String, String> config) {
        String simpleName = connectorClass.substring(connectorClass.lastIndexOf('.') + 1);
        return request("PUT", "connector-plugins/" + simpleName + "/config/validate", config);
    }

    /** GET /connectors/{name}/status. */
    public RestResponse status(String name) {
        return request("GET", "connectors/" + name + "/status", null);
    }

    /** GET /connectors/{name}/offsets. */
    public RestResponse offsets(String name) {
        return request("GET", "connectors/" + name + "/offsets", null);
    }

    /** PATCH /connectors/{name}/offsets with a body like {@code {"offsets":[...]}}. */
    public RestResponse alterOffsets(String name, Object offsets) {
        return request("PATCH", "connectors/" + name + "/offsets", offsets);
    }

    /** DELETE /connectors/{name}/offsets. */
    public RestResponse resetOffsets(String name) {
        return request("DELETE", "connectors/" + name + "/offsets", null);
    }

    /** POST /connectors/{name}/restart?includeTasks=...&onlyFailed=... */
    public RestResponse restart(String name, boolean includeTasks, boolean onlyFailed) {
        return request(
                "POST",
                "connectors/"
                        + name
                        + "/restart?includeTasks="
                        + includeTasks
                        + "&onlyFailed="
                        + onlyFailed,
                null);
    }

    /** PUT /connectors/{name}/stop: stops the connector and its tasks, keeping its config. */
    public RestResponse stop(String name) {
        return request("PUT", "connectors/" + name + "/stop", null);
    }

    /** PUT /connectors/{name}/resume. */
    public RestResponse resume(String name) {
        return request("PUT", "connectors/" + name + "/resume", null);
    }

    /** DELETE /connectors/{name}. */
    public RestResponse delete(String name) {
        return request("DELETE", "connectors/" + name, null);
    }

    /**
     * Waits until the connector and exactly {@code tasks} tasks are RUNNING. Fails at once, with
     * the trace, if the connector or a task FAILED instead.
     */
    public void awaitRunning(String name, int tasks, Duration timeout) {
        awaitStatus(
                name + " RUNNING with " + tasks + " running tasks",
                name,
                timeout,
                status -> {
                    if ("FAILED".equals(status.path("connector").path("state").asText())
                            || anyTaskIn(status, "FAILED")) {
                        throw new AssertionError(name + " failed instead of running: " + status);
                    }
                    return "RUNNING".equals(status.path("connector").path("state").asText())
                            && status.path("tasks").size() == tasks
                            && allTasksIn(status, "RUNNING");
                });
    }

    /** Waits until the connector is STOPPED (no tasks). */
    public void awaitStopped(String name, Duration timeout) {
        awaitStatus(
                name + " STOPPED",
                name,
                timeout,
                status -> "STOPPED".equals(status.path("connector").path("state").asText()));
    }

    /** Waits until the connector or any of its tasks has FAILED, and returns the status. */
    public JsonNode awaitFailure(String name, Duration timeout) {
        JsonNode[] last = new JsonNode[1];
        awaitStatus(
                name + " or one of its tasks FAILED",
                name,
                timeout,
                status -> {
                    last[0] = status;
                    return "FAILED".equals(status.path("connector").path("state").asText())
                            || anyTaskIn(status, "FAILED");
                });
        return last[0];
    }

    /** Waits until the status of {@code name} satisfies {@code condition}. */
    public void awaitStatus(
            String description, String name, Duration timeout, Predicate<JsonNode> condition) {
        RestResponse[] last = new RestResponse[1];
        Await.until(
                description,
                timeout,
                () -> {
                    last[0] = status(name);
                    return last[0].isSuccess() && condition.test(last[0].json());
                },
                () -> last[0] == null ? "no answer" : last[0].status() + " " + last[0].body());
    }

    private static boolean allTasksIn(JsonNode status, String state) {
        for (JsonNode task : status.path("tasks")) {
            if (!state.equals(task.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyTaskIn(JsonNode status, String state) {
        for (JsonNode task : status.path("tasks")) {
            if (state.equals(task.path("state").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String toJson(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write request body as JSON", e);
        }
    }

    @Override
    public void close() {
        cluster.stop();
    }

    /** Sizes and settings for the cluster; {@link #start()} returns it running. */
    public static final class Builder {
        private String name = "kinesis-connect-it";
        private int workers = 2;
        private final Map<String, String> workerProps = new HashMap<>();
        private final Properties brokerProps = new Properties();

        private Builder() {
            // The connectors come from the test classpath through their ServiceLoader manifests,
            // the
            // same manifests the packaged plugin relies on.
            workerProps.put("plugin.discovery", "service_load");
            // Commit offsets quickly so that restart tests do not wait a minute for a commit.
            workerProps.put("offset.flush.interval.ms", "2000");
            // A departed worker's connectors and tasks wait this long for it to come back before
            // they are reassigned (5 minutes by default); tests that remove a worker need less.
            workerProps.put("scheduled.rebalance.max.delay.ms", "5000");
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        public Builder workerProperty(String key, String value) {
            workerProps.put(key, value);
            return this;
        }

        public Builder brokerProperty(String key, String value) {
            brokerProps.put(key, value);
            return this;
        }

        /** Starts the broker and the workers, and waits until every worker answers REST. */
        public ConnectTestCluster start() {
            long started = System.nanoTime();
            EmbeddedConnectCluster cluster =
                    new EmbeddedConnectCluster.Builder()
                            .name(name)
                            .numWorkers(workers)
                            .numBrokers(1)
                            // Kafka requires a mutable map here.
                            .workerProps(new HashMap<>(workerProps))
                            .brokerProps(brokerProps)
                            .build();
            cluster.start();
            ConnectTestCluster connect = new ConnectTestCluster(cluster);
            Await.until(
                    workers + " Connect workers to answer REST",
                    Duration.ofSeconds(120),
                    () -> cluster.healthyWorkers().size() == workers);
            log.info(
                    "Connect cluster {} with {} workers up in {} ms, bootstrap {}",
                    name,
                    workers,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    connect.bootstrapServers());
            return connect;
        }
    }
}
