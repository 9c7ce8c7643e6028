package io.kinesisconnect.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kinesisconnect.localstack.ConnectWorker;
import io.kinesisconnect.localstack.Flows;
import io.kinesisconnect.localstack.KinesisEndpoints;
import io.kinesisconnect.processes.KinesisStreams;
import io.kinesisconnect.processes.KinesisTestClients;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The {@code docker} profile ({@code mvn verify -Pdocker}): the source and sink smoke flows against
 * a Kafka container and LocalStack's Kinesis, for hosts with a Docker engine. Connect runs as a
 * real worker JVM on the built archive, as in the other end-to-end tests, pointed at the
 * containers; the connector configs are the ones every other end-to-end test uses.
 *
 * <p>Where no Docker engine answers, JUnit reports the class as skipped with that reason. The
 * default build excludes this class, so it never looks for Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerSmokeIT {

    /** Pinned: the Apache Kafka image the Kafka module of Testcontainers runs in KRaft mode. */
    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.0");

    /**
     * Pinned to a release that starts without an auth token; newer LocalStack images require {@code
     * LOCALSTACK_AUTH_TOKEN}, which is passed through when it is set.
     */
    static final DockerImageName LOCALSTACK_IMAGE =
            DockerImageName.parse("localstack/localstack:4.4.0");

    private static final int RECORDS = 1_000;
    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(2);

    private static KafkaContainer kafka;
    private static LocalStackContainer localstack;
    private static ConnectWorker worker;
    private static KinesisClient kinesis;
    private static Flows flows;

    @BeforeAll
    static void startContainersAndWorker() {
        kafka = new KafkaContainer(KAFKA_IMAGE);
        kafka.start();
        localstack = startLocalStack();
        URI endpoint = localstack.getEndpoint();
        kinesis = KinesisTestClients.create(endpoint);
        // LocalStack answers plain HTTP and TLS (self-signed) on the same port; the KPL needs TLS.
        KinesisEndpoints endpoints =
                new KinesisEndpoints(
                        endpoint,
                        URI.create("https://" + endpoint.getHost() + ":" + endpoint.getPort()));
        worker =
                ConnectWorker.start(
                        E2ePaths.kafka4Worker(),
                        "docker-worker",
                        "e2e-docker",
                        kafka.getBootstrapServers(),
                        E2ePaths.pluginPath(),
                        E2ePaths.runDirectory("docker"));
        flows = new Flows(kafka.getBootstrapServers(), endpoints, kinesis);
    }

    private static LocalStackContainer startLocalStack() {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        LocalStackContainer container =
                new LocalStackContainer(LOCALSTACK_IMAGE).withServices("kinesis");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        try {
            container.start();
            return container;
        } catch (ContainerLaunchException e) {
            String logs = container.getLogs().toLowerCase(Locale.ROOT);
            container.stop();
            assumeTrue(
                    token != null || !logs.contains("auth token"),
                    LOCALSTACK_IMAGE
                            + " asks for an auth token and LOCALSTACK_AUTH_TOKEN is not set");
            throw e;
        }
    }

    @AfterAll
    static void stopEverything() {
        if (worker != null) {
            worker.close();
        }
        if (kinesis != null) {
            kinesis.close();
        }
        if (localstack != null) {
            localstack.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void recordsMoveByteForByteBetweenTheKafkaContainerAndLocalStack() {
        KinesisStreams streams = new KinesisStreams(kinesis);
        String inStream = streams.create("docker-in", 2);
        String outStream = streams.create("docker-out", 2);
        String outTopic = "docker-out-topic";
        flows.createTopics(outTopic);

        worker.rest().putConfig("docker-source", flows.sourceConfig(inStream, 1));
        worker.rest().putConfig("docker-sink", flows.sinkConfig(outTopic, outStream, 1));
        worker.rest().awaitRunning("docker-source", 1, RUNNING_TIMEOUT);
        worker.rest().awaitRunning("docker-sink", 1, RUNNING_TIMEOUT);

        flows.writeToStream(inStream, "docker-to-kafka", 0, RECORDS);
        flows.produce(outTopic, "docker-to-kinesis", 0, RECORDS);

        assertThat(flows.awaitAllInTopic(inStream, "docker-to-kafka", RECORDS))
                .isGreaterThanOrEqualTo(RECORDS);
        assertThat(flows.awaitAllInStream(outStream, "docker-to-kinesis", RECORDS))
                .isGreaterThanOrEqualTo(RECORDS);
    }
}
