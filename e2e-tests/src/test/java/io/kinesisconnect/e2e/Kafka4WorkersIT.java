package io.kinesisconnect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.common.keys.SourceKeys;
import io.kinesisconnect.localstack.ConnectRest;
import io.kinesisconnect.localstack.ConnectWorker;
import io.kinesisconnect.localstack.Flows;
import io.kinesisconnect.localstack.JvmProcess;
import io.kinesisconnect.localstack.KraftBroker;
import io.kinesisconnect.localstack.StackFiles;
import io.kinesisconnect.localstack.StreamFeeder;
import io.kinesisconnect.localstack.TopicAudit;
import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.processes.TopicReader;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built archive in real Kafka 4.3.1 Connect worker JVMs, with a real KRaft broker and
 * kinesis-mock: plugin discovery, data both ways, configs through REST and the CLI, a worker killed
 * with SIGKILL mid-stream, and "latest" and exactly-once through crashes.
 *
 * <p>Two clusters of workers share the broker: {@code first} and {@code second} without
 * exactly-once support, and a cluster with {@code exactly.once.source.support=enabled}, which has
 * one worker until the kill -9 test and two after.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Kafka4WorkersIT {

    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(2);

    /** As Connect ships it; a source's offsets and its startup marker are stored this often. */
    private static final long OFFSET_FLUSH_MS = 60_000;

    private static final String EOS_GROUP = "e2e-kafka-4-eos";

    /** How long a transaction of the flow in the kill test stays open. */
    private static final long TRANSACTION_INTERVAL_MS = 5_000;

    /** How far from its commit the transaction a kill aims at must be. */
    private static final Duration KILL_MARGIN = Duration.ofMillis(2_000);

    /** A restart request takes a moment to show in the status; do not send another meanwhile. */
    private static final Duration RESTART_GAP = Duration.ofSeconds(5);

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    private static KraftBroker broker;
    private static ConnectWorker first;
    private static ConnectWorker second;
    private static final List<ConnectWorker> EXACTLY_ONCE_WORKERS = new ArrayList<>();
    private static Path dir;
    private static Flows flows;
    private static CompletableFuture<StartupMarkerWatch.Stored> windowWithoutExactlyOnce;
    private static Instant windowConnectorCreated;

    @BeforeAll
    static void startCluster() {
        dir = E2ePaths.runDirectory("kafka-4");
        broker = KraftBroker.start(E2ePaths.kafka4(), dir);
        Map<String, String> plain =
                Map.of("offset.flush.interval.ms", Long.toString(OFFSET_FLUSH_MS));
        CompletableFuture<ConnectWorker> a = startWorker("worker-1", "e2e-kafka-4", plain);
        CompletableFuture<ConnectWorker> b = startWorker("worker-2", "e2e-kafka-4", plain);
        CompletableFuture<ConnectWorker> c = startExactlyOnceWorker("eos-worker-1");
        first = a.join();
        second = b.join();
        EXACTLY_ONCE_WORKERS.add(c.join());
        flows = new Flows(broker.bootstrapServers(), KINESIS.emulator(), KINESIS.client());
    }

    private static CompletableFuture<ConnectWorker> startWorker(
            String name, String group, Map<String, String> properties) {
        return CompletableFuture.supplyAsync(
                () ->
                        ConnectWorker.start(
                                E2ePaths.kafka4Worker(),
                                name,
                                group,
                                broker.bootstrapServers(),
                                E2ePaths.pluginPath(),
                                dir,
                                properties));
    }

    private static CompletableFuture<ConnectWorker> startExactlyOnceWorker(String name) {
        return startWorker(
                name,
                EOS_GROUP,
                Map.of(
                        "exactly.once.source.support",
                        "enabled",
                        "offset.flush.interval.ms",
                        Long.toString(OFFSET_FLUSH_MS)));
    }

    @AfterAll
    static void stopCluster() {
        List<AutoCloseable> processes = new ArrayList<>(EXACTLY_ONCE_WORKERS);
        processes.addAll(Arrays.asList(second, first, broker));
        for (AutoCloseable process : processes) {
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

    /**
     * Without exactly-once, nothing makes "latest" durable until the first offset flush. The window
     * is measured in the background while the next tests run, and read in {@link
     * #withoutExactlyOnceLatestIsDurableAtTheFirstOffsetFlush()}.
     */
    @Test
    @Order(2)
    void withoutExactlyOnceTheStartupMarkerWaitsForTheOffsetFlush() {
        String stream = KINESIS.streams().create("e2e-window", 1);
        Map<String, String> config = flows.sourceConfig(stream, 1);
        config.put("kinesis.startup.position", "latest");
        windowConnectorCreated = Instant.now();
        first.rest().putConfig("window-latest", config);
        first.rest().awaitRunning("window-latest", 1, RUNNING_TIMEOUT);

        assertThat(StartupMarkerWatch.stored(first.rest(), "window-latest"))
                .as("the marker right after the task started, before the first offset flush")
                .isEmpty();
        windowWithoutExactlyOnce =
                StartupMarkerWatch.watch(
                        first.rest(),
                        "window-latest",
                        Duration.ofMillis(OFFSET_FLUSH_MS).plus(RUNNING_TIMEOUT));
    }

    @Test
    @Order(3)
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
    @Order(4)
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
                        E2ePaths.cliLib(),
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
    @Order(5)
    void withoutExactlyOnceLatestIsDurableAtTheFirstOffsetFlush() {
        StartupMarkerWatch.Stored stored = windowWithoutExactlyOnce.join();
        assertThat(stored.start()).isAfterOrEqualTo(windowConnectorCreated.minusSeconds(1));
        Await.until(
                "the task to log that its startup marker is durable",
                RUNNING_TIMEOUT,
                () ->
                        List.of(first, second).stream()
                                .anyMatch(
                                        w ->
                                                w.process()
                                                        .log()
                                                        .contains(
                                                                "Startup marker durable: latest="
                                                                        + stored.start())));
        System.out.printf(
                "latest without exactly-once (offset.flush.interval.ms=%d): the startup marker was"
                        + " stored %d ms after the start instant; a crash in that window moves"
                        + " latest%n",
                OFFSET_FLUSH_MS, stored.window().toMillis());
    }

    /**
     * Also the control of the exactly-once tests: without exactly-once, the killed worker's source
     * shards are read again from their last flushed offsets, so the topic holds duplicates. The
     * kill comes before the first offset flush ({@value #OFFSET_FLUSH_MS} ms), so every record the
     * victim's source task delivered is delivered again.
     */
    @Test
    @Order(6)
    void aWorkerKilledMidStreamHandsItsTasksToTheOtherAndNoRecordIsLost() {
        String inStream = KINESIS.streams().create("e2e-kill-in", 4);
        String outStream = KINESIS.streams().create("e2e-kill-out", 2);
        String outTopic = "e2e-kill-out-topic";
        String sdkStream = KINESIS.streams().create("e2e-kill-sdk", 2);
        String sdkTopic = "e2e-kill-sdk-topic";
        flows.createTopics(outTopic, sdkTopic);
        // With the earlier tests' connectors gone, Connect spreads each new connector's two tasks
        // over both workers, so the victim runs a source task and a task of each sink (one per
        // writer). The sinks go first: the source's tasks then start as late as possible before
        // the kill.
        deleteAllConnectors();
        first.rest().putConfig("kill-sink", flows.sinkConfig(outTopic, outStream, 2));
        Set<String> sinkWorkers = first.rest().awaitRunning("kill-sink", 2, RUNNING_TIMEOUT);
        Map<String, String> sdkSink = flows.sinkConfig(sdkTopic, sdkStream, 2);
        sdkSink.put("kinesis.writer", "sdk");
        first.rest().putConfig("kill-sink-sdk", sdkSink);
        Set<String> sdkSinkWorkers = first.rest().awaitRunning("kill-sink-sdk", 2, RUNNING_TIMEOUT);
        String efoTopic = inStream + "-efo";
        first.rest().putConfig("kill-source-efo", efoSourceConfig(inStream));
        Set<String> efoWorkers = first.rest().awaitRunning("kill-source-efo", 2, RUNNING_TIMEOUT);
        first.rest().putConfig("kill-source", flows.sourceConfig(inStream, 2));
        Set<String> sourceWorkers = first.rest().awaitRunning("kill-source", 2, RUNNING_TIMEOUT);
        ConnectWorker victim = second;
        ConnectWorker survivor = first;
        assertThat(sourceWorkers).as("the victim runs a source task").contains(victim.workerId());
        assertThat(sinkWorkers).as("the victim runs a kpl sink task").contains(victim.workerId());
        assertThat(sdkSinkWorkers)
                .as("the victim runs an sdk sink task")
                .contains(victim.workerId());
        assertThat(efoWorkers).as("the victim runs an efo source task").contains(victim.workerId());

        int total = 2_000;
        int firstPart = 400;
        flows.writeToStream(inStream, "kill-to-kafka", 0, firstPart);
        flows.produce(outTopic, "kill-to-kinesis", 0, firstPart);
        flows.produce(sdkTopic, "kill-to-kinesis-sdk", 0, firstPart);
        // Every shard delivered, so the victim's task has records in the topic; none of them
        // has a flushed offset yet.
        flows.awaitAllInTopic(inStream, "kill-to-kafka", firstPart);
        flows.awaitAllInTopic(efoTopic, "kill-to-kafka", firstPart);
        Await.until(
                "both sinks to be mid-stream",
                Flows.DELIVERY_TIMEOUT,
                () -> flows.countInStream(outStream) > 0 && flows.countInStream(sdkStream) > 0);
        Map<String, SinkAtKill> sinksAtKill =
                Map.of(
                        "kill-sink",
                        SinkAtKill.measure("kill-sink", outStream, firstPart, total),
                        "kill-sink-sdk",
                        SinkAtKill.measure("kill-sink-sdk", sdkStream, firstPart, total));
        assertThat(survivor.rest().offsets("kill-source-efo").path("offsets"))
                .as("no efo source offset flushed before the kill")
                .isEmpty();
        JsonNode offsetsBeforeKill = survivor.rest().offsets("kill-source");
        assertThat(offsetsBeforeKill.path("offsets"))
                .as(
                        "no source offset flushed before the kill (the control needs the kill"
                                + " inside the first %d ms of the tasks)",
                        OFFSET_FLUSH_MS)
                .isEmpty();

        victim.kill();
        flows.writeToStream(inStream, "kill-to-kafka", firstPart, total);
        flows.produce(outTopic, "kill-to-kinesis", firstPart, total);
        flows.produce(sdkTopic, "kill-to-kinesis-sdk", firstPart, total);

        assertThat(flows.awaitAllInTopic(inStream, "kill-to-kafka", total))
                .isGreaterThanOrEqualTo(total);
        assertThat(flows.awaitAllInTopic(efoTopic, "kill-to-kafka", total))
                .isGreaterThanOrEqualTo(total);
        int kplLanded = flows.awaitAllInStream(outStream, "kill-to-kinesis", total);
        int sdkLanded = flows.awaitAllInStream(sdkStream, "kill-to-kinesis-sdk", total);
        for (String connector :
                List.of("kill-source", "kill-source-efo", "kill-sink", "kill-sink-sdk")) {
            Await.until(
                    connector + "'s tasks to run on " + survivor.name() + " only",
                    RUNNING_TIMEOUT,
                    () ->
                            survivor.rest()
                                    .awaitRunning(connector, 2, RUNNING_TIMEOUT)
                                    .equals(Set.of(survivor.workerId())));
        }
        TopicAudit delivered = TopicAudit.read(broker.bootstrapServers(), inStream, false);
        assertThat(delivered.missing(expected("kill-to-kafka", total))).isEmpty();
        assertThat(delivered.duplicates())
                .as("duplicates after a SIGKILL with exactly-once off (the control)")
                .isPositive();
        TopicAudit deliveredByEfo = auditAfterKill(efoTopic, total);
        // The sinks: nothing lost (awaited above), and every duplicate is a record past the last
        // committed offset at the kill, which the survivor reads again.
        int kplDuplicates = kplLanded - total;
        int sdkDuplicates = sdkLanded - total;
        assertThat(kplDuplicates)
                .as(
                        "kpl sink duplicates: at most the records past its committed offsets at the kill")
                .isBetween(0, sinksAtKill.get("kill-sink").uncommitted());
        assertThat(sdkDuplicates)
                .as(
                        "sdk sink duplicates: at most the records past its committed offsets at the kill")
                .isBetween(0, sinksAtKill.get("kill-sink-sdk").uncommitted());
        System.out.printf(
                "kill -9 of %s (ran source tasks on %s, kpl sink tasks on %s, sdk sink tasks on"
                        + " %s): all %d records arrived every way; exactly-once off, the source"
                        + " delivered %d duplicates (efo: %d); the kpl sink %d (bound %s), the sdk"
                        + " sink %d (bound %s)%n",
                victim.name(),
                sourceWorkers,
                sinkWorkers,
                sdkSinkWorkers,
                total,
                delivered.duplicates(),
                deliveredByEfo.duplicates(),
                kplDuplicates,
                sinksAtKill.get("kill-sink"),
                sdkDuplicates,
                sinksAtKill.get("kill-sink-sdk"));
    }

    /**
     * What the efo source delivered across the kill: every record, and (exactly-once off, no offset
     * flushed before the kill) the killed task's records again, the same control as for the polling
     * source.
     */
    private static TopicAudit auditAfterKill(String topic, int total) {
        TopicAudit audit = TopicAudit.read(broker.bootstrapServers(), topic, false);
        assertThat(audit.missing(expected("kill-to-kafka", total))).isEmpty();
        assertThat(audit.duplicates())
                .as("efo duplicates after a SIGKILL with exactly-once off (the same control)")
                .isPositive();
        return audit;
    }

    /**
     * An enhanced fan-out source beside the polling one, reading the same stream into the topic
     * {@code <stream>-efo}: a kill leaves the victim's subscriptions for the emulator to release
     * before the survivor can subscribe (until then it answers ResourceInUse).
     */
    private static Map<String, String> efoSourceConfig(String stream) {
        Map<String, String> config = flows.sourceConfig(stream, 2);
        config.put("kinesis.reader.type", "efo");
        config.put(SourceKeys.TOPIC_TEMPLATE, "${stream}-efo");
        return config;
    }

    /**
     * A sink at the moment of a kill: the records in its stream (fewer than the total, so the kill
     * is not after the end) and its consumer group's committed offsets, whose complement in what
     * was produced bounds the duplicates.
     */
    private record SinkAtKill(int landed, long committed, int produced) {

        static SinkAtKill measure(String connector, String stream, int produced, int total) {
            int landed = flows.countInStream(stream);
            assertThat(landed)
                    .as(connector + " has not written everything before the kill")
                    .isLessThan(total);
            return new SinkAtKill(
                    landed,
                    KafkaProbes.committedOffsets(broker.bootstrapServers(), "connect-" + connector),
                    produced);
        }

        int uncommitted() {
            return (int) (produced - committed);
        }

        @Override
        public String toString() {
            return String.format(
                    "%d produced - %d committed = %d; %d had landed",
                    produced, committed, uncommitted(), landed);
        }
    }

    /**
     * "latest" is fixed once: the only worker (exactly-once support on) is killed with SIGKILL two
     * seconds after the connector starts, and the records written after the marker was stored,
     * while no worker ran and after one is back all arrive once; none written before the connector
     * was created does. The records written while no worker ran land on shards that had no offset
     * at the restart, so only the stored marker can tell where they start.
     */
    @Test
    @Order(7)
    void withExactlyOnceLatestSurvivesAKill9OfTheOnlyWorkerTwoSecondsAfterTheStart() {
        ConnectWorker only = EXACTLY_ONCE_WORKERS.get(0);
        String stream = KINESIS.streams().create("e2e-latest-crash", 4);
        flows.writeToStream(stream, "before-start", 0, 40);
        Map<String, String> config = exactlyOnceSourceConfig(stream, 1);
        config.put("kinesis.startup.position", "latest");

        Instant created = Instant.now();
        only.rest().putConfig("latest-crash", config);
        StartupMarkerWatch.Stored stored =
                StartupMarkerWatch.await(only.rest(), "latest-crash", RUNNING_TIMEOUT);
        Duration durableAfter = Duration.between(created, stored.seen());
        // One partition key: one shard gets records before the kill, three get none.
        new StreamWriter(KINESIS.client())
                .putAll(
                        stream,
                        IntStream.range(0, 10)
                                .mapToObj(i -> entry("one-shard", "latest-crash-" + i))
                                .toList());
        Await.until(
                "two seconds since the connector was created",
                RUNNING_TIMEOUT,
                () -> Instant.now().isAfter(created.plusSeconds(2)));
        Duration killedAfter = Duration.between(created, Instant.now());
        only.kill();
        EXACTLY_ONCE_WORKERS.remove(only);

        flows.writeToStream(stream, "latest-crash", 10, 40);
        CompletableFuture<ConnectWorker> back = startExactlyOnceWorker("eos-worker-1-again");
        CompletableFuture<ConnectWorker> added = startExactlyOnceWorker("eos-worker-2");
        EXACTLY_ONCE_WORKERS.add(back.join());
        EXACTLY_ONCE_WORKERS.add(added.join());
        ConnectWorker any = EXACTLY_ONCE_WORKERS.get(0);
        any.rest().awaitRunning("latest-crash", 1, RUNNING_TIMEOUT);
        flows.writeToStream(stream, "latest-crash", 40, 60);

        List<String> expected = expected("latest-crash", 60);
        TopicAudit delivered = awaitCommitted(stream, expected);
        assertThat(delivered.missing(expected)).as("lost").isEmpty();
        assertThat(delivered.withPrefix("before-start")).as("older than the start").isEmpty();
        assertThat(delivered.duplicates()).as("duplicates (read_committed)").isZero();
        assertThat(delivered.distinct()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(StartupMarkerWatch.stored(any.rest(), "latest-crash"))
                .as("the start kept through the crash")
                .contains(stored.start());
        System.out.printf(
                "latest with exactly-once: marker stored %d ms after the connector was created;"
                        + " the only worker killed after %d ms; all 60 records once, none of the"
                        + " 40 older ones%n",
                durableAfter.toMillis(), killedAfter.toMillis());
    }

    /**
     * Exactly-once that can fail, two faults in one flow that never pauses:
     *
     * <ol>
     *   <li>the worker running a task is frozen (SIGSTOP) until its tasks move, then thawed
     *       (SIGCONT) as a zombie whose producer must be fenced (its log says so);
     *   <li>then a worker that runs a task and is not the group leader is killed with SIGKILL while
     *       that task's transaction is open with records in it (the broker's transaction
     *       coordinator says so just before the kill), so the records of an aborted transaction are
     *       read again and re-sent.
     * </ol>
     *
     * A read_committed consumer sees every record once. {@link
     * #aWorkerKilledMidStreamHandsItsTasksToTheOtherAndNoRecordIsLost()} is the control: the same
     * kind of kill without exactly-once leaves duplicates.
     *
     * <p>Why not the leader: on Connect 4.3.1 a surviving worker that becomes leader after a
     * SIGKILL can be left unable to write to the config topic ("Cannot produce to config topic
     * without claiming write privileges first") until the next rebalance, so the fencing of a moved
     * task fails until an operator restarts a worker. That is Connect's, not the connector's, and
     * the README's exactly-once section says what to do.
     */
    @Test
    @Order(8)
    void withExactlyOnceAFrozenZombieIsFencedAndNoRecordIsDuplicatedOrLost() {
        ConnectRest rest = EXACTLY_ONCE_WORKERS.get(0).rest();
        rest.delete("/connectors/latest-crash");
        String stream = KINESIS.streams().create("e2e-eos-flow", 4);
        Map<String, String> config = exactlyOnceSourceConfig(stream, 2);
        rest.putConfig("eos-flow", config);
        rest.awaitRunning("eos-flow", 2, RUNNING_TIMEOUT);
        List<String> written;
        ConnectWorker zombie;
        ConnectWorker victim;
        int restarts;
        int abortedBeforeKill;
        TransactionDescription openAtKill;
        String transactionalId;
        try (StreamFeeder feeder =
                StreamFeeder.start(
                        KINESIS.client(), stream, "eos-flow", 50, Duration.ofMillis(200))) {
            awaitCommittedGrowth(stream, 200);

            zombie = workerRunningATask("eos-flow");
            ConnectWorker other = otherThan(zombie);
            zombie.freeze();
            restarts = awaitTasksOnlyOn(other, "eos-flow", 2);
            awaitCommittedGrowth(stream, 200);
            zombie.thaw();
            // The zombie's next transactional call meets the newer producer of its task.
            Await.until(
                    "the thawed " + zombie.name() + " to log that its task producer is fenced",
                    RUNNING_TIMEOUT,
                    () -> !fencedProducerLines(zombie, "eos-flow").isEmpty());
            awaitCommittedGrowth(stream, 200);

            // Transactions that stay open for seconds, so that the kill can be aimed inside one.
            // Only now: with them, a thawed zombie can learn of its revocation before its next
            // transactional call, and then it is never fenced (one run in three timed out so).
            config.put("transaction.boundary", "interval");
            config.put("transaction.boundary.interval.ms", Long.toString(TRANSACTION_INTERVAL_MS));
            rest.putConfig("eos-flow", config);
            rest.awaitRunning("eos-flow", 2, RUNNING_TIMEOUT);
            awaitCommittedGrowth(stream, 200);

            victim = awaitNonLeaderRunningATask("eos-flow");
            ConnectWorker survivor = otherThan(victim);
            transactionalId = EOS_GROUP + "-eos-flow-" + tasksOn(victim, "eos-flow").get(0);
            abortedBeforeKill =
                    TopicAudit.read(broker.bootstrapServers(), stream, false).duplicates();
            openAtKill =
                    KafkaProbes.awaitFreshOpenTransaction(
                            broker.bootstrapServers(),
                            transactionalId,
                            TRANSACTION_INTERVAL_MS - KILL_MARGIN.toMillis(),
                            RUNNING_TIMEOUT);
            victim.kill();
            restarts += awaitTasksOnlyOn(survivor, "eos-flow", 2);
            awaitCommittedGrowth(stream, 200);
            written = feeder.stop();
        }
        TopicAudit delivered = awaitCommitted(stream, written);
        int abortedSeen = TopicAudit.read(broker.bootstrapServers(), stream, false).duplicates();
        assertThat(delivered.missing(written)).as("lost").isEmpty();
        assertThat(delivered.duplicates()).as("duplicates (read_committed)").isZero();
        assertThat(delivered.distinct()).containsExactlyInAnyOrderElementsOf(written);
        assertThat(abortedSeen)
                .as(
                        "records of the transaction open at the kill were aborted and sent again"
                                + " (visible read_uncommitted): the kill landed mid-transaction")
                .isGreaterThan(abortedBeforeKill);
        System.out.printf(
                "exactly-once: %s was frozen until its tasks moved, then thawed; then %s (not the"
                        + " leader) was killed with SIGKILL while transaction %s was %s on %d"
                        + " partitions; %d records, 0 lost, 0 duplicates read_committed (aborted"
                        + " records visible read_uncommitted: %d before the kill, %d after; %d"
                        + " tasks restarted after a failed fencing request); the zombie logged:"
                        + " %s%n",
                zombie.name(),
                victim.name(),
                transactionalId,
                openAtKill.state(),
                openAtKill.topicPartitions().size(),
                written.size(),
                abortedBeforeKill,
                abortedSeen,
                restarts,
                fencedProducerLines(zombie, "eos-flow").get(0));
    }

    /**
     * Waits until a worker that is not the group leader runs a task of the connector (a thawed
     * worker is given one back by the next rebalance), and returns it.
     */
    private static ConnectWorker awaitNonLeaderRunningATask(String connector) {
        return Await.value(
                "a worker other than the leader to run a task of " + connector,
                RUNNING_TIMEOUT,
                () -> {
                    for (ConnectWorker worker : EXACTLY_ONCE_WORKERS) {
                        String leader = KafkaProbes.leaderUrl(otherThan(worker));
                        boolean isLeader = (worker.rest().baseUrl() + "/").equals(leader);
                        if (!isLeader
                                && leader != null
                                && leader.equals(KafkaProbes.leaderUrl(worker))
                                && !tasksOn(worker, connector).isEmpty()) {
                            return worker;
                        }
                    }
                    return null;
                });
    }

    private static List<Integer> tasksOn(ConnectWorker worker, String connector) {
        return EXACTLY_ONCE_WORKERS.get(0).rest().runningTasks(connector).entrySet().stream()
                .filter(e -> e.getValue().equals(worker.workerId()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Waits until {@code tasks} tasks of the connector run on {@code worker} only, and returns how
     * many times failed tasks were restarted. With exactly-once, a task that moves first fences its
     * predecessors through the group leader; when the leader is the worker just lost, Connect fails
     * the task ("IO Error trying to forward REST request ... /fence") and does not retry. The test
     * restarts such tasks as an operator must (the README says so); any other failure fails the
     * test.
     */
    private static int awaitTasksOnlyOn(ConnectWorker worker, String connector, int tasks) {
        int[] restarts = {0};
        Instant[] lastRestart = {Instant.EPOCH};
        Await.until(
                connector + "'s " + tasks + " tasks to run on " + worker.name() + " only",
                RUNNING_TIMEOUT,
                () -> {
                    JsonNode status = worker.rest().status(connector);
                    boolean failed = false;
                    for (JsonNode task : status.path("tasks")) {
                        if ("FAILED".equals(task.path("state").asText())) {
                            String trace = task.path("trace").asText();
                            if (!trace.contains("/fence")) {
                                throw new AssertionError(
                                        "Task of " + connector + " FAILED: " + trace);
                            }
                            failed = true;
                        }
                    }
                    if (failed && Instant.now().isAfter(lastRestart[0].plus(RESTART_GAP))) {
                        lastRestart[0] = Instant.now();
                        int answer =
                                worker.rest()
                                        .post(
                                                "/connectors/"
                                                        + connector
                                                        + "/restart?includeTasks=true&onlyFailed=true")
                                        .status();
                        restarts[0] += answer / 100 == 2 ? 1 : 0;
                    }
                    if (failed) {
                        return false;
                    }
                    Map<Integer, String> running = worker.rest().runningTasks(connector);
                    return running.size() == tasks
                            && Set.copyOf(running.values()).equals(Set.of(worker.workerId()));
                });
        return restarts[0];
    }

    /** The worker's log lines that say a task producer of the connector was fenced. */
    private static List<String> fencedProducerLines(ConnectWorker worker, String connector) {
        return worker.process()
                .log()
                .lines()
                .filter(l -> l.contains("connector-producer-" + connector + "-"))
                .filter(l -> l.contains("ProducerFencedException"))
                .toList();
    }

    private static Map<String, String> exactlyOnceSourceConfig(String stream, int tasks) {
        Map<String, String> config = flows.sourceConfig(stream, tasks);
        config.put("exactly.once.support", "required");
        // Small polls: many transactions, so a kill lands inside one.
        config.put("kinesis.poll.max.records", "50");
        return config;
    }

    /** The exactly-once worker that runs task 0 of the connector. */
    private static ConnectWorker workerRunningATask(String connector) {
        String workerId =
                Await.value(
                        "a RUNNING task of " + connector,
                        RUNNING_TIMEOUT,
                        () -> EXACTLY_ONCE_WORKERS.get(0).rest().runningTasks(connector).get(0));
        return EXACTLY_ONCE_WORKERS.stream()
                .filter(w -> w.workerId().equals(workerId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No exactly-once worker is " + workerId));
    }

    private static ConnectWorker otherThan(ConnectWorker worker) {
        return EXACTLY_ONCE_WORKERS.stream().filter(w -> w != worker).findFirst().orElseThrow();
    }

    /** Waits until {@code count} more records are committed to the topic than now. */
    private static void awaitCommittedGrowth(String topic, int count) {
        int before = committedCount(topic);
        Await.until(
                count + " more committed records in " + topic,
                Flows.DELIVERY_TIMEOUT,
                () -> committedCount(topic) >= before + count);
    }

    private static int committedCount(String topic) {
        return new TopicReader(broker.bootstrapServers(), true)
                .readToEnd(topic, Duration.ofSeconds(60))
                .size();
    }

    /** Waits until every expected value is committed to the topic, and returns what it holds. */
    private static TopicAudit awaitCommitted(String topic, List<String> expected) {
        TopicAudit[] last = {null};
        Await.until(
                "all " + expected.size() + " records committed to " + topic,
                Flows.DELIVERY_TIMEOUT,
                () -> {
                    last[0] = TopicAudit.read(broker.bootstrapServers(), topic, true);
                    return last[0].missing(expected).isEmpty();
                },
                () -> last[0] == null ? "nothing read" : last[0].missing(expected) + " missing");
        return last[0];
    }

    private static List<String> expected(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    private static StreamWriter.Entry entry(String key, String value) {
        return new StreamWriter.Entry(key, value.getBytes(StandardCharsets.UTF_8));
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
