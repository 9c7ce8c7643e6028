package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.KinesisStreams;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.processes.TopicReader;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.source.KinesisSourceTaskConfig;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.RestResponse;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Resharding: a split and a merge while records flow, three generations read through a tiny buffer,
 * and a lagging parent whose child runs on another task. Nothing is missing, and each key's records
 * arrive in order across parents and children, which they can only do if no child is read before
 * its parents are finished (DeliveredTest shows the order check catching a child read too early).
 */
class SourceReshardingIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String FIRST_SHARD = "shardId-000000000000";

    /**
     * 10 records for each of 40 keys per generation: every shard then holds a multiple of 10
     * records, so reading 10 per call the last call of a closed shard returns 10 records and fills
     * the buffer of 10 just before the finished marker is offered, the case that used to drop the
     * marker.
     */
    private static final int GENERATION = 400;

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(2);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"polling", "efo"})
    void splitAndMergeUnderLoadKeepEveryRecordAndPerKeyOrder(String readerType) throws Exception {
        String name = "reshard-" + readerType;
        KinesisStreams streams = KINESIS.streams();
        String stream = streams.create(name, 2);
        CONNECT.cluster().embedded().kafka().createTopic(stream, 3);
        KeyedRecords records = new KeyedRecords(60);
        StreamWriter writer = new StreamWriter(KINESIS.client());
        writer.putAll(stream, records.next(600));
        Map<String, String> config =
                SourceTestConfigs.forReader(
                        KINESIS.emulator(), name, List.of(stream), 2, readerType);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        CONNECT.cluster().putConnectorConfig(name, config).requireSuccess("create");
        CONNECT.cluster().awaitRunning(name, 2, TIMEOUT);

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<?> load =
                background.submit(
                        () -> {
                            while (writing.get()) {
                                List<StreamWriter.Entry> batch;
                                synchronized (records) {
                                    batch = records.next(120);
                                }
                                writer.putAll(stream, batch);
                            }
                        });
        try {
            Shard first = streams.shards(stream).get(0);
            split(stream, first);
            streams.awaitActive(stream);
            mergeUpperChildWithNeighbour(stream, first);
            streams.awaitActive(stream);
        } finally {
            writing.set(false);
            load.get(1, TimeUnit.MINUTES);
            background.shutdown();
        }
        writer.putAll(stream, records.next(600));

        Delivered delivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(),
                        stream,
                        records.all(),
                        false,
                        TIMEOUT);
        assertThat(delivered.distinctValues()).isEqualTo(records.all());
        assertThat(delivered.keysOutOfOrder()).isEmpty();
        assertThat(streams.shards(stream)).as("2 original, 2 split children, 1 merged").hasSize(5);
        System.out.printf(
                "Resharding (%s): %d records, %d duplicates%n",
                readerType, records.all().size(), delivered.duplicates());
        CONNECT.cluster().delete(name);
    }

    /**
     * Three generations of shards, written before the connector starts: records in one shard, a
     * split, more records, a merge of the two children, more records. A buffer of 10 is full when
     * each closed shard's reader reaches its end, which used to drop the finished marker. The first
     * generation is a single shard, so a dropped marker stalls everything: no other shard finishes
     * and triggers the task restart that would re-read it.
     */
    @Test
    void threeGenerationsThroughATinyBufferArriveWholeAndInOrder() {
        KinesisStreams streams = KINESIS.streams();
        String stream = streams.create("generations", 1);
        KeyedRecords records = new KeyedRecords(40);
        StreamWriter writer = new StreamWriter(KINESIS.client());
        writer.putAll(stream, records.next(GENERATION));
        Shard first = shardById(stream, FIRST_SHARD);
        split(stream, first);
        streams.awaitActive(stream);
        writer.putAll(stream, records.next(GENERATION));
        mergeChildren(stream, first);
        streams.awaitActive(stream);
        writer.putAll(stream, records.next(GENERATION));
        assertThat(streams.shards(stream)).as("1 original, 2 split children, 1 merged").hasSize(4);

        Map<String, String> config =
                SourceTestConfigs.forEmulator(
                        KINESIS.emulator(), "generations", List.of(stream), 2);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        config.put(KinesisSourceConfig.BUFFER_CAPACITY_CONFIG, "10");
        config.put(KinesisSourceConfig.MAX_RECORDS_PER_CALL_CONFIG, "10");
        long started = System.nanoTime();
        CONNECT.cluster().putConnectorConfig("generations", config).requireSuccess("create");
        CONNECT.cluster().awaitRunning("generations", 2, TIMEOUT);

        Delivered delivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(),
                        stream,
                        records.all(),
                        false,
                        Duration.ofSeconds(150));
        Set<String> lost = new HashSet<>(records.all());
        lost.removeAll(delivered.distinctValues());
        assertThat(lost).as("records lost").isEmpty();
        assertThat(delivered.keysOutOfOrder()).as("keys out of order").isEmpty();
        System.out.printf(
                "Three generations, buffer 10: %d records in %.1f s, 0 lost, 0 out of order, %d"
                        + " duplicates%n",
                records.all().size(), (System.nanoTime() - started) / 1e9, delivered.duplicates());
        CONNECT.cluster().delete("generations");
    }

    /**
     * A parent with a backlog when it splits: the connector assigns the still unfinished parent and
     * one of its children to different tasks, so only the gate (the parent's committed finished
     * offset, shared by all tasks) keeps the child waiting. Each key's records must still arrive in
     * order from parent to child. Reading at most 10 records per call, five calls a second, the
     * parent needs about 10 s for its backlog, far longer than the reassignment.
     */
    @Test
    void aLaggingParentAndItsChildOnDifferentTasksKeepEachKeyInOrder() {
        KinesisStreams streams = KINESIS.streams();
        String stream = streams.create("lagging", 2);
        KeyedRecords records = new KeyedRecords(40);
        StreamWriter writer = new StreamWriter(KINESIS.client());
        int backlog = 500;
        writer.putAll(stream, records.next(backlog));
        Map<String, String> config =
                SourceTestConfigs.forEmulator(KINESIS.emulator(), "lagging", List.of(stream), 2);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        config.put(KinesisSourceConfig.MAX_RECORDS_PER_CALL_CONFIG, "10");
        config.put(KinesisSourceConfig.BUFFER_CAPACITY_CONFIG, "10");
        CONNECT.cluster().putConnectorConfig("lagging", config).requireSuccess("create");
        CONNECT.cluster().awaitRunning("lagging", 2, TIMEOUT);

        Shard parent = shardById(stream, FIRST_SHARD);
        split(stream, parent);
        streams.awaitActive(stream);
        writer.putAll(stream, records.next(200));
        Set<String> children =
                streams.shards(stream).stream()
                        .filter(s -> parent.shardId().equals(s.parentShardId()))
                        .map(Shard::shardId)
                        .collect(Collectors.toSet());
        assertThat(children).hasSize(2);

        List<List<String>> assignment =
                Await.value(
                        "the unfinished parent and a child of it assigned to different tasks",
                        Duration.ofSeconds(60),
                        () -> {
                            List<List<String>> tasks = taskShards("lagging");
                            return onDifferentTasks(tasks, parent.shardId(), children)
                                    ? tasks
                                    : null;
                        });
        int deliveredAtReassignment =
                new TopicReader(CONNECT.cluster().bootstrapServers(), false)
                        .readToEnd(stream, TIMEOUT)
                        .size();
        assertThat(deliveredAtReassignment)
                .as("records delivered when the child was assigned, of a backlog of " + backlog)
                .isLessThan(backlog);

        Delivered delivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(),
                        stream,
                        records.all(),
                        false,
                        Duration.ofSeconds(90));
        Set<String> lost = new HashSet<>(records.all());
        lost.removeAll(delivered.distinctValues());
        assertThat(lost).as("records lost").isEmpty();
        assertThat(delivered.keysOutOfOrder()).as("keys out of order").isEmpty();
        System.out.printf(
                "Lagging parent: tasks %s, %d of %d backlog delivered at reassignment, %d records,"
                        + " 0 lost, 0 out of order, %d duplicates%n",
                assignment,
                deliveredAtReassignment,
                backlog,
                records.all().size(),
                delivered.duplicates());
        CONNECT.cluster().delete("lagging");
    }

    /**
     * Each task's shard ids, from the task configs (GET /connectors/NAME/tasks); none while the
     * workers are rebalancing, so that a caller polling for an assignment asks again.
     */
    private static List<List<String>> taskShards(String connector) {
        RestResponse response =
                CONNECT.cluster().request("GET", "connectors/" + connector + "/tasks", null);
        if (response.isRebalancing()) {
            return List.of();
        }
        JsonNode tasks = response.requireSuccess("list tasks").json();
        List<List<String>> shards = new ArrayList<>();
        for (JsonNode task : tasks) {
            String list =
                    task.path("config").path(KinesisSourceTaskConfig.TASK_SHARDS_CONFIG).asText();
            shards.add(
                    Arrays.stream(list.split(","))
                            .map(ref -> ShardRef.parse(ref).shardId())
                            .toList());
        }
        return shards;
    }

    private static boolean onDifferentTasks(
            List<List<String>> tasks, String parent, Set<String> children) {
        for (List<String> withParent : tasks) {
            if (!withParent.contains(parent)) {
                continue;
            }
            for (List<String> other : tasks) {
                if (other != withParent && other.stream().anyMatch(children::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Shard shardById(String stream, String shardId) {
        return KINESIS.streams().shards(stream).stream()
                .filter(s -> s.shardId().equals(shardId))
                .findFirst()
                .orElseThrow();
    }

    private static void split(String stream, Shard shard) {
        BigInteger start = new BigInteger(shard.hashKeyRange().startingHashKey());
        BigInteger end = new BigInteger(shard.hashKeyRange().endingHashKey());
        String middle = start.add(end).shiftRight(1).toString();
        KINESIS.client()
                .splitShard(
                        b ->
                                b.streamName(stream)
                                        .shardToSplit(shard.shardId())
                                        .newStartingHashKey(middle));
    }

    /** Merges the two children of a split shard back into one. */
    private static void mergeChildren(String stream, Shard splitParent) {
        List<String> children =
                KINESIS.streams().shards(stream).stream()
                        .filter(s -> splitParent.shardId().equals(s.parentShardId()))
                        .sorted(
                                Comparator.comparing(
                                        s -> new BigInteger(s.hashKeyRange().startingHashKey())))
                        .map(Shard::shardId)
                        .toList();
        KINESIS.client()
                .mergeShards(
                        b ->
                                b.streamName(stream)
                                        .shardToMerge(children.get(0))
                                        .adjacentShardToMerge(children.get(1)));
    }

    /** Merges the upper child of the split shard with the shard whose range follows it. */
    private static void mergeUpperChildWithNeighbour(String stream, Shard splitParent) {
        List<Shard> shards = KINESIS.streams().shards(stream);
        BigInteger parentEnd = new BigInteger(splitParent.hashKeyRange().endingHashKey());
        Shard upperChild =
                shards.stream()
                        .filter(s -> splitParent.shardId().equals(s.parentShardId()))
                        .filter(
                                s ->
                                        new BigInteger(s.hashKeyRange().endingHashKey())
                                                .equals(parentEnd))
                        .findFirst()
                        .orElseThrow();
        Shard neighbour =
                shards.stream()
                        .filter(s -> s.sequenceNumberRange().endingSequenceNumber() == null)
                        .filter(
                                s ->
                                        new BigInteger(s.hashKeyRange().startingHashKey())
                                                .equals(parentEnd.add(BigInteger.ONE)))
                        .findFirst()
                        .orElseThrow();
        KINESIS.client()
                .mergeShards(
                        b ->
                                b.streamName(stream)
                                        .shardToMerge(upperChild.shardId())
                                        .adjacentShardToMerge(neighbour.shardId()));
    }
}
