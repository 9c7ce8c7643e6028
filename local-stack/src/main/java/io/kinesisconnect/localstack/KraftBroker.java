package io.kinesisconnect.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A Kafka KRaft node, broker and controller in one JVM, on loopback ports, from real jars. */
public final class KraftBroker implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

    private final int port;
    private final JvmProcess process;

    private KraftBroker(int port, JvmProcess process) {
        this.port = port;
        this.process = process;
    }

    /** Formats a storage folder under {@code dir}, starts the node and waits until it serves. */
    public static KraftBroker start(Path libDir, Path dir) {
        int port = StackFiles.freePort();
        int controllerPort = StackFiles.freePort();
        Path config = dir.resolve("server.properties");
        Path log4j = Log4jConfigs.log4j2(dir);
        StackFiles.write(
                config,
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:"
                                + port
                                + ",CONTROLLER://127.0.0.1:"
                                + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "log.dirs=" + dir.resolve("data"),
                        "num.partitions=1",
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "auto.create.topics.enable=false",
                        ""));
        String clusterId =
                JvmProcess.run(
                                "storage-random-uuid",
                                libDir,
                                "kafka.tools.StorageTool",
                                List.of("random-uuid"),
                                dir.resolve("storage-tool.log"))
                        .lines()
                        .filter(line -> line.matches("[A-Za-z0-9_-]{22}"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("random-uuid printed no id"));
        JvmProcess.run(
                "storage-format",
                libDir,
                "kafka.tools.StorageTool",
                List.of("format", "-t", clusterId, "-c", config.toString(), "--standalone"),
                dir.resolve("storage-tool.log"));
        JvmProcess process =
                JvmProcess.start(
                        "kafka-broker",
                        libDir,
                        List.of("-Dlog4j2.configurationFile=" + log4j),
                        "kafka.Kafka",
                        List.of(config.toString()),
                        dir.resolve("broker.log"));
        KraftBroker broker = new KraftBroker(port, process);
        try {
            process.awaitLog("Kafka Server started", STARTUP_TIMEOUT);
        } catch (RuntimeException | AssertionError e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** {@code bootstrap.servers} for clients and workers. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The node's JVM, for its pid and log. */
    public JvmProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
