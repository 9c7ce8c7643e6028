package io.kinesisconnect.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A distributed Connect worker JVM on a loopback REST port, with the archive in its plugin.path.
 */
public final class ConnectWorker implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    /**
     * Which jars run the worker, and how it logs.
     *
     * @param lib the folder of jars: a Kafka distribution's libs/, or one copied by Maven
     * @param log4j2 true for Kafka 4.x (log4j2), false for Connect 3.x (log4j 1 through reload4j)
     */
    public record Runtime(Path lib, boolean log4j2) {

        String loggingOption(Path dir) {
            return log4j2
                    ? "-Dlog4j2.configurationFile=" + Log4jConfigs.log4j2(dir)
                    : "-Dlog4j.configuration=file:" + Log4jConfigs.log4j1(dir);
        }
    }

    private final String name;
    private final JvmProcess process;
    private final ConnectRest rest;

    private ConnectWorker(String name, JvmProcess process, ConnectRest rest) {
        this.name = name;
        this.process = process;
        this.rest = rest;
    }

    /**
     * Starts a worker of the cluster {@code groupId} and waits until its REST API serves requests.
     *
     * @param pluginPath the worker's plugin.path: the folder that holds the unzipped archive
     * @param dir where the worker's properties, logging configuration and log go
     */
    public static ConnectWorker start(
            Runtime runtime,
            String name,
            String groupId,
            String bootstrapServers,
            Path pluginPath,
            Path dir) {
        int port = StackFiles.freePort();
        Path config = dir.resolve(name + ".properties");
        StackFiles.write(
                config,
                String.join(
                        "\n",
                        "bootstrap.servers=" + bootstrapServers,
                        "group.id=" + groupId,
                        "config.storage.topic=" + groupId + "-configs",
                        "offset.storage.topic=" + groupId + "-offsets",
                        "status.storage.topic=" + groupId + "-status",
                        "config.storage.replication.factor=1",
                        "offset.storage.replication.factor=1",
                        "status.storage.replication.factor=1",
                        "offset.storage.partitions=5",
                        "status.storage.partitions=1",
                        // The converters of Kafka's shipped connect-distributed.properties, as
                        // a user's worker has them: connector configs choose their own.
                        "key.converter=org.apache.kafka.connect.json.JsonConverter",
                        "value.converter=org.apache.kafka.connect.json.JsonConverter",
                        "key.converter.schemas.enable=true",
                        "value.converter.schemas.enable=true",
                        "offset.flush.interval.ms=2000",
                        "listeners=http://127.0.0.1:" + port,
                        "rest.advertised.host.name=127.0.0.1",
                        "rest.advertised.port=" + port,
                        "plugin.path=" + pluginPath,
                        // Loads plugins only through their META-INF/services files, as a check
                        // that the archive's are complete.
                        "plugin.discovery=service_load",
                        // A killed worker's tasks move after its session times out and the
                        // rebalance delay passes; the defaults (10 s, 5 min) are for production.
                        "session.timeout.ms=6000",
                        "heartbeat.interval.ms=2000",
                        "scheduled.rebalance.max.delay.ms=3000",
                        "task.shutdown.graceful.timeout.ms=10000",
                        ""));
        JvmProcess process =
                JvmProcess.start(
                        name,
                        runtime.lib(),
                        List.of(runtime.loggingOption(dir.resolve(name + "-logging"))),
                        "org.apache.kafka.connect.cli.ConnectDistributed",
                        List.of(config.toString()),
                        dir.resolve(name + ".log"));
        ConnectWorker worker =
                new ConnectWorker(name, process, new ConnectRest("http://127.0.0.1:" + port));
        try {
            // The REST server answers 404 until its resources are initialized.
            worker.process.awaitLog("REST resources initialized", STARTUP_TIMEOUT);
            worker.rest.awaitReady(STARTUP_TIMEOUT);
        } catch (RuntimeException | AssertionError e) {
            worker.close();
            throw new IllegalStateException(name + " did not start:\n" + process.tail(), e);
        }
        return worker;
    }

    public String name() {
        return name;
    }

    public ConnectRest rest() {
        return rest;
    }

    /** The worker id Connect reports in connector status: host:port of its REST API. */
    public String workerId() {
        return rest.baseUrl().substring("http://".length());
    }

    public JvmProcess process() {
        return process;
    }

    /** kill -9 of the worker and its KPL children. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
