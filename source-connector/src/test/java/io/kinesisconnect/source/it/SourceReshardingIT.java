package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.EmulatorKind;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.KinesisStreams;
import io.kinesisconnect.testkit.StreamWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * A shard split and a shard merge while records flow: nothing is missing, and each key's records
 * arrive in order across parents and children, which they can only do if no child is read before
 * its parents are finished.
 */
class SourceReshardingIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(2);

    @Test
    void splitAndMergeUnderLoadKeepEveryRecordAndPerKeyOrder() throws Exception {
        KinesisStreams streams = KINESIS.streams();
        String stream = streams.create("reshard", 2);
        CONNECT.cluster().embedded().kafka().createTopic(stream, 3);
        KeyedRecords records = new KeyedRecords(60);
        StreamWriter writer = new StreamWriter(KINESIS.client());
        writer.putAll(stream, records.next(600));
        Map<String, String> config =
                SourceTestConfigs.forEmulator(KINESIS.emulator(), "reshard", List.of(stream), 2);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        CONNECT.cluster().putConnectorConfig("reshard", config).requireSuccess("create");
        CONNECT.cluster().awaitRunning("reshard", 2, TIMEOUT);

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
                "Resharding: %d records, %d duplicates%n",
                records.all().size(), delivered.duplicates());
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
