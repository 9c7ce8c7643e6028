package io.kinesisconnect.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
        return start(runtime, name, groupId, bootstrapServers, pluginPath, dir, Map.of());
    }

    /**
     * Starts a worker as {@link #start(Runtime, String, String, String, Path, Path)} does, with
     * some worker properties replaced or added, such as {@code exactly.once.source.support}.
     */
    public static ConnectWorker start(
            Runtime runtime,
            String name,
            String groupId,
            String bootstrapServers,
            Path pluginPath,
            Path dir,
            Map<String, String> overrides) {
        int port = StackFiles.freePort();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("group.id", groupId);
        properties.put("config.storage.topic", groupId + "-configs");
        properties.put("offset.storage.topic", groupId + "-offsets");
        properties.put("status.storage.topic", groupId + "-status");
        properties.put("config.storage.replication.factor", "1");
        properties.put("offset.storage.replication.factor", "1");
        properties.put("status.storage.replication.factor", "1");
        properties.put("offset.storage.partitions", "5");
        properties.put("status.storage.partitions", "1");
        // The converters of Kafka's shipped connect-distributed.properties, as a user's worker
        // has them: connector configs choose their own.
        properties.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        properties.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        properties.put("key.converter.schemas.enable", "true");
        properties.put("value.converter.schemas.enable", "true");
        properties.put("offset.flush.interval.ms", "2000");
        properties.put("listeners", "http://127.0.0.1:" + port);
        properties.put("rest.advertised.host.name", "127.0.0.1");
        properties.put("rest.advertised.port", Integer.toString(port));
        properties.put("plugin.path", pluginPath.toString());
        // Loads plugins only through their META-INF/services files, as a check that the
        // archive's are complete.
        properties.put("plugin.discovery", "service_load");
        // A killed worker's tasks move after its session times out and the rebalance delay
        // passes; the defaults (10 s, 5 min) are for production.
        properties.put("session.timeout.ms", "6000");
        properties.put("heartbeat.interval.ms", "2000");
        properties.put("scheduled.rebalance.max.delay.ms", "3000");
        properties.put("task.shutdown.graceful.timeout.ms", "10000");
        properties.putAll(overrides);
        Path config = dir.resolve(name + ".properties");
        StackFiles.write(
                config,
                properties.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("\n"))
                        + "\n");
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

    /** SIGSTOP: the worker keeps its sockets but misses heartbeats until {@link #thaw()}. */
    public void freeze() {
        process.freeze();
    }

    /** SIGCONT for a frozen worker. */
    public void thaw() {
        process.thaw();
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
