package io.kinesisconnect.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.processes.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka's embedded Connect cluster with two workers starts, answers REST, and runs a connector
 * defined in test code, driven only through the REST helpers.
 */
class ConnectClusterSmokeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static ConnectTestCluster connect;

    @BeforeAll
    static void startCluster() {
        connect = ConnectTestCluster.builder().name("smoke").workers(2).start();
    }

    @AfterAll
    static void stopCluster() {
        if (connect != null) {
            connect.close();
        }
    }

    @Test
    void twoWorkersRunATestConnectorThroughTheRestApi() {
        JsonNode plugins =
                connect.request("GET", "connector-plugins", null)
                        .requireSuccess("list plugins")
                        .json();
        assertThat(plugins.findValuesAsText("class"))
                .contains(CountingSourceConnector.class.getName());

        String topic = "counting";
        connect.embedded().kafka().createTopic(topic, 2);
        Map<String, String> config =
                Map.of(
                        "name",
                        "counting",
                        "connector.class",
                        CountingSourceConnector.class.getName(),
                        "tasks.max",
                        "2",
                        CountingSourceConnector.TOPIC_CONFIG,
                        topic,
                        CountingSourceConnector.RECORDS_PER_TASK_CONFIG,
                        "500");
        JsonNode validation =
                connect.validate(CountingSourceConnector.class.getName(), config).json();
        assertThat(validation.path("error_count").asInt()).as(validation.toString()).isZero();
        connect.putConnectorConfig("counting", config).requireSuccess("create connector");
        connect.awaitRunning("counting", 2, TIMEOUT);

        Set<String> values = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record :
                connect.embedded().kafka().consume(1_000, TIMEOUT.toMillis(), topic)) {
            values.add(new String(record.value(), StandardCharsets.UTF_8));
        }
        assertThat(values)
                .hasSize(1_000)
                .contains("task-0-0", "task-0-499", "task-1-0", "task-1-499");

        JsonNode status = connect.status("counting").json();
        Set<String> workers = new HashSet<>(status.findValuesAsText("worker_id"));
        assertThat(workers).as("connector and tasks are spread over both workers").hasSize(2);

        Await.until(
                "both tasks' offsets to be committed",
                TIMEOUT,
                () -> connect.offsets("counting").json().path("offsets").size() == 2);

        connect.stop("counting").requireSuccess("stop");
        connect.awaitStopped("counting", TIMEOUT);
        connect.delete("counting").requireSuccess("delete");
        Await.until(
                "the connector to be gone",
                TIMEOUT,
                () -> connect.status("counting").status() == 404);
    }
}
