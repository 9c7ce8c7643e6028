package io.kinesisconnect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.localstack.ConnectWorker;
import io.kinesisconnect.localstack.Flows;
import io.kinesisconnect.localstack.KraftBroker;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same archive in a Connect 3.7.2 worker on this JVM's Java (the runtime of MSK Connect): no
 * call to a newer Connect API and no dependency clash may keep the connectors from loading and
 * moving data.
 */
class Connect37WorkerIT {

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    private static KraftBroker broker;
    private static ConnectWorker worker;
    private static Flows flows;

    @BeforeAll
    static void startCluster() {
        Path dir = E2ePaths.runDirectory("connect-3.7");
        broker = KraftBroker.start(E2ePaths.kafka4(), dir);
        worker =
                ConnectWorker.start(
                        E2ePaths.connect37Worker(),
                        "worker-3.7",
                        "e2e-connect-37",
                        broker.bootstrapServers(),
                        E2ePaths.pluginPath(),
                        dir);
        flows = new Flows(broker.bootstrapServers(), KINESIS.emulator(), KINESIS.client());
    }

    @AfterAll
    static void stopCluster() {
        if (worker != null) {
            worker.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void bothConnectorsLoadInAConnect37Worker() {
        List<JsonNode> plugins = worker.rest().connectorPlugins();
        assertThat(plugins)
                .anySatisfy(
                        p ->
                                Kafka4WorkersIT.assertPlugin(
                                        p,
                                        "io.kinesisconnect.source.KinesisSourceConnector",
                                        "source"))
                .anySatisfy(
                        p ->
                                Kafka4WorkersIT.assertPlugin(
                                        p, "io.kinesisconnect.sink.KinesisSinkConnector", "sink"));
    }

    @Test
    void aSourceAndASinkMoveRecordsOnConnect37() {
        String inStream = KINESIS.streams().create("e2e37-in", 2);
        String outStream = KINESIS.streams().create("e2e37-out", 2);
        String outTopic = "e2e37-out-topic";
        flows.createTopics(outTopic);
        worker.rest().putConfig("e2e37-source", flows.sourceConfig(inStream, 2));
        worker.rest().putConfig("e2e37-sink", flows.sinkConfig(outTopic, outStream, 1));
        worker.rest().awaitRunning("e2e37-source", 2, Duration.ofMinutes(2));
        worker.rest().awaitRunning("e2e37-sink", 1, Duration.ofMinutes(2));

        flows.writeToStream(inStream, "to-kafka-37", 0, 500);
        flows.produce(outTopic, "to-kinesis-37", 0, 500);

        assertThat(flows.awaitAllInTopic(inStream, "to-kafka-37", 500)).isGreaterThanOrEqualTo(500);
        assertThat(flows.awaitAllInStream(outStream, "to-kinesis-37", 500))
                .isGreaterThanOrEqualTo(500);
    }
}
