package io.kinesisconnect.source.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.processes.Await;
import io.kinesisconnect.source.kinesis.IteratorPosition;
import io.kinesisconnect.source.kinesis.ShardRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several readers on real scheduler threads sharing one small buffer, the normal state of a task
 * whose Kafka side is slower than Kinesis.
 */
class ShardReaderPoolTest {

    private static final String STREAM = "orders";
    private static final int SHARDS = 4;
    private static final int RECORDS_PER_SHARD = 5;
    private static final int BUFFER_CAPACITY = 1;

    private final FakeStreamProxy kinesis = new FakeStreamProxy(STREAM);
    private final RecordBuffer buffer = new RecordBuffer(BUFFER_CAPACITY);
    private final FirstFailure failure = new FirstFailure();
    private final ShardReaderPool pool = new ShardReaderPool("pool-test", 2, failure);

    @AfterEach
    void stop() {
        pool.close(Duration.ofSeconds(4));
    }

    /**
     * Every closed shard's finished marker comes out exactly once, after all of its records, even
     * though the buffer is full at the moment each reader reaches its shard's end. A marker that
     * fails to fit is kept and retried; losing it would leave the children waiting forever.
     */
    @Test
    void closedShardsFinishingIntoAFullSharedBufferEachEmitTheirMarkerOnce() {
        List<ShardReader> readers = new ArrayList<>();
        ReaderContext context = context();
        for (int s = 0; s < SHARDS; s++) {
            String shardId = "shard-" + s;
            kinesis.addShard(shardId, null);
            for (int i = 0; i < RECORDS_PER_SHARD; i++) {
                kinesis.put(
                        shardId, "key-" + i, (shardId + ":" + i).getBytes(StandardCharsets.UTF_8));
            }
            kinesis.close(shardId);
            readers.add(
                    new ShardReader(
                            new ShardRef(STREAM, shardId),
                            Optional.empty(),
                            new IteratorPosition.TrimHorizon(),
                            context));
        }
        pool.start(readers);

        List<SourceRecord> emitted = new ArrayList<>();
        // One group per poll: each reader's last record fills the buffer, so its marker meets a
        // full buffer every time.
        Await.until(
                "a finished marker for each of " + SHARDS + " shards",
                Duration.ofSeconds(10),
                () -> {
                    emitted.addAll(drain());
                    return markers(emitted).size() >= SHARDS
                            && readers.stream().allMatch(ShardReader::isDone);
                },
                () -> "markers " + markers(emitted).keySet() + ", records " + emitted.size());
        emitted.addAll(drain());

        assertThat(failure.failed()).isFalse();
        Map<String, Integer> oncePerShard = new TreeMap<>();
        for (int s = 0; s < SHARDS; s++) {
            oncePerShard.put("shard-" + s, 1);
        }
        assertThat(markers(emitted)).as("markers per shard").isEqualTo(oncePerShard);
        for (int s = 0; s < SHARDS; s++) {
            String shardId = "shard-" + s;
            List<String> ofShard =
                    emitted.stream()
                            .filter(r -> shardId.equals(r.sourcePartition().get("shard")))
                            .map(ShardReaderPoolTest::describe)
                            .toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < RECORDS_PER_SHARD; i++) {
                expected.add(shardId + ":" + i);
            }
            expected.add("finished");
            assertThat(ofShard)
                    .as("records of " + shardId + " then its marker")
                    .containsExactlyElementsOf(expected);
        }
    }

    private List<SourceRecord> drain() {
        try {
            return buffer.drain(BUFFER_CAPACITY, Duration.ZERO);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Integer> markers(List<SourceRecord> records) {
        Map<String, Integer> counts = new TreeMap<>();
        records.stream()
                .filter(r -> r.value() == null)
                .forEach(
                        r ->
                                counts.merge(
                                        (String) r.sourcePartition().get("shard"),
                                        1,
                                        Integer::sum));
        return counts;
    }

    private static String describe(SourceRecord record) {
        return record.value() == null
                ? "finished"
                : new String((byte[]) record.value(), StandardCharsets.UTF_8);
    }

    private ReaderContext context() {
        return TestReaderContexts.context(
                kinesis,
                buffer,
                TestReaderContexts.noParents(),
                TestReaderContexts.settings(10_000, Duration.ofMillis(200)),
                new ReaderStats(),
                System::nanoTime);
    }
}
