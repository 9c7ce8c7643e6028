package io.kinesisconnect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.localstack.ConnectWorker;
import io.kinesisconnect.localstack.Flows;
import io.kinesisconnect.localstack.JvmProcess;
import io.kinesisconnect.localstack.KraftBroker;
import io.kinesisconnect.localstack.StackFiles;
import io.kinesisconnect.testkit.Await;
import io.kinesisconnect.testkit.EmulatorKind;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.KinesisTestClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built archive in two real Kafka 4.3.1 Connect worker JVMs, with a real KRaft broker and
 * kinesis-mock: plugin discovery, data both ways, configs through REST and the CLI, and a worker
 * killed with SIGKILL mid-stream.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Kafka4WorkersIT {

    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    private static KraftBroker broker;
    private static ConnectWorker first;
    private static ConnectWorker second;
    private static Flows flows;

    @BeforeAll
    static void startCluster() {
        Path dir = E2ePaths.runDirectory("kafka-4");
        broker = KraftBroker.start(E2ePaths.kafka4(), dir);
        CompletableFuture<ConnectWorker> a = startWorker("worker-1", dir);
        CompletableFuture<ConnectWorker> b = startWorker("worker-2", dir);
        first = a.join();
        second = b.join();
        flows = new Flows(broker.bootstrapServers(), KINESIS.emulator(), KINESIS.client());
    }

    private static CompletableFuture<ConnectWorker> startWorker(String name, Path dir) {
        return CompletableFuture.supplyAsync(
                () ->
                        ConnectWorker.start(
                                E2ePaths.kafka4Worker(),
                                name,
                                "e2e-kafka-4",
                                broker.bootstrapServers(),
                                E2ePaths.pluginPath(),
                                dir));
    }

    @AfterAll
    static void stopCluster() {
        for (AutoCloseable process : new AutoCloseable[] {second, first, broker}) {
            if (process != null) {
                try {
                    process.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    @Order(1)
    void bothConnectorsAreListedByEveryWorkerWithTheProjectVersion() {
        for (ConnectWorker worker : List.of(first, second)) {
            List<JsonNode> plugins = worker.rest().connectorPlugins();
            assertThat(plugins)
                    .anySatisfy(
                            p ->
                                    assertPlugin(
                                            p,
                                            "io.kinesisconnect.source.KinesisSourceConnector",
                                            "source"))
                    .anySatisfy(
                            p ->
                                    assertPlugin(
                                            p,
                                            "io.kinesisconnect.sink.KinesisSinkConnector",
                                            "sink"));
        }
    }

    static void assertPlugin(JsonNode plugin, String className, String type) {
        assertThat(plugin.path("class").asText()).isEqualTo(className);
        assertThat(plugin.path("type").asText()).isEqualTo(type);
        assertThat(plugin.path("version").asText()).isEqualTo(E2ePaths.projectVersion());
    }

    @Test
    @Order(2)
    void recordsFlowFromKinesisToKafkaAndFromKafkaToKinesis() {
        String inStream = KINESIS.streams().create("e2e-in", 2);
        String outStream = KINESIS.streams().create("e2e-out", 2);
        String outTopic = "e2e-out-topic";
        flows.createTopics(outTopic);

        first.rest().putConfig("e2e-source", flows.sourceConfig(inStream, 2));
        first.rest().putConfig("e2e-sink", flows.sinkConfig(outTopic, outStream, 2));
        first.rest().awaitRunning("e2e-source", 2, RUNNING_TIMEOUT);
        first.rest().awaitRunning("e2e-sink", 2, RUNNING_TIMEOUT);

        flows.writeToStream(inStream, "to-kafka", 0, 1_000);
        flows.produce(outTopic, "to-kinesis", 0, 1_000);

        assertThat(flows.awaitAllInTopic(inStream, "to-kafka", 1_000))
                .isGreaterThanOrEqualTo(1_000);
        assertThat(flows.awaitAllInStream(outStream, "to-kinesis", 1_000))
                .isGreaterThanOrEqualTo(1_000);
    }

    @Test
    @Order(3)
    void theArchivesCliSubmitsAStateFunModuleThatThenRuns() {
        String stream = KINESIS.streams().create("e2e-cli", 1);
        String topic = "e2e.fn.greeter";
        flows.createTopics(topic, "__kinesis_connect_markers");
        Path module = E2ePaths.runDirectory("cli").resolve("module.yaml");
        StackFiles.write(
                module,
                String.join(
                        "\n",
                        "kind: io.statefun.kinesis.v1/ingress",
                        "spec:",
                        "  id: e2e/users",
                        "  awsRegion:",
                        "    type: custom-endpoint",
                        "    endpoint: " + KINESIS.emulator().endpoint(),
                        "    id: " + KinesisTestClients.REGION.id(),
                        "  awsCredentials:",
                        "    type: basic",
                        "    accessKeyId: " + KinesisTestClients.ACCESS_KEY_ID,
                        "    secretAccessKey: " + KinesisTestClients.SECRET_ACCESS_KEY,
                        "  startupPosition:",
                        "    type: earliest",
                        "  streams:",
                        "    - stream: " + stream,
                        "      valueType: e2e/User",
                        "      targets:",
                        "        - e2e.fn/greeter",
                        ""));

        String output =
                JvmProcess.run(
                        "kinesis-connect-submit",
                        E2ePaths.pluginLib(),
                        "io.kinesisconnect.common.cli.Main",
                        List.of(
                                "submit",
                                module.toString(),
                                "--connect-url",
                                second.rest().baseUrl()),
                        module.resolveSibling("cli.log"));

        assertThat(output).contains("statefun-e2e-users-source");
        second.rest().awaitRunning("statefun-e2e-users-source", 1, RUNNING_TIMEOUT);
        flows.writeToStream(stream, "via-cli", 0, 200);
        assertThat(flows.awaitAllInTopic(topic, "via-cli", 200)).isGreaterThanOrEqualTo(200);
    }

    @Test
    @Order(4)
    void aWorkerKilledMidStreamHandsItsTasksToTheOtherAndNoRecordIsLost() {
        String inStream = KINESIS.streams().create("e2e-kill-in", 4);
        String outStream = KINESIS.streams().create("e2e-kill-out", 2);
        String outTopic = "e2e-kill-out-topic";
        flows.createTopics(outTopic);
        // With the earlier tests' connectors gone, Connect spreads each new connector's two tasks
        // over both workers, so the victim runs a source task and a sink task.
        deleteAllConnectors();
        first.rest().putConfig("kill-source", flows.sourceConfig(inStream, 2));
        first.rest().awaitRunning("kill-source", 2, RUNNING_TIMEOUT);
        first.rest().putConfig("kill-sink", flows.sinkConfig(outTopic, outStream, 2));
        Set<String> sinkWorkers = first.rest().awaitRunning("kill-sink", 2, RUNNING_TIMEOUT);
        Set<String> sourceWorkers = first.rest().awaitRunning("kill-source", 2, RUNNING_TIMEOUT);
        ConnectWorker victim = second;
        ConnectWorker survivor = first;
        assertThat(sourceWorkers).as("the victim runs a source task").contains(victim.workerId());
        assertThat(sinkWorkers).as("the victim runs a sink task").contains(victim.workerId());

        int total = 3_000;
        flows.writeToStream(inStream, "kill-to-kafka", 0, total / 2);
        flows.produce(outTopic, "kill-to-kinesis", 0, total / 2);
        Await.until(
                "both connectors to be mid-stream",
                Flows.DELIVERY_TIMEOUT,
                () -> flows.countInTopic(inStream) > 0 && flows.countInStream(outStream) > 0);

        victim.kill();
        flows.writeToStream(inStream, "kill-to-kafka", total / 2, total);
        flows.produce(outTopic, "kill-to-kinesis", total / 2, total);

        assertThat(flows.awaitAllInTopic(inStream, "kill-to-kafka", total))
                .isGreaterThanOrEqualTo(total);
        assertThat(flows.awaitAllInStream(outStream, "kill-to-kinesis", total))
                .isGreaterThanOrEqualTo(total);
        for (String connector : List.of("kill-source", "kill-sink")) {
            Await.until(
                    connector + "'s tasks to run on " + survivor.name() + " only",
                    RUNNING_TIMEOUT,
                    () ->
                            survivor.rest()
                                    .awaitRunning(connector, 2, RUNNING_TIMEOUT)
                                    .equals(Set.of(survivor.workerId())));
        }
        System.out.printf(
                "kill -9 of %s (ran source tasks on %s, sink tasks on %s): all %d records arrived"
                        + " both ways%n",
                victim.name(), sourceWorkers, sinkWorkers, total);
    }

    private static void deleteAllConnectors() {
        for (JsonNode name : first.rest().get("/connectors").json()) {
            first.rest().delete("/connectors/" + name.asText());
        }
        Await.until(
                "every earlier connector to be deleted",
                RUNNING_TIMEOUT,
                () -> first.rest().get("/connectors").json().isEmpty());
    }
}
