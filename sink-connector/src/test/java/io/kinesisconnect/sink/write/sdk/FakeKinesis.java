package io.kinesisconnect.sink.write.sdk;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * A Kinesis stream in memory that behaves as badly as the real one may: it fails entries and whole
 * calls at random, lands the entries of one call in a random order (PutRecords does not order
 * them), and splits or merges shards when a test says so. It deaggregates what it takes with the
 * KCL and keeps every user record in landing order.
 */
final class FakeKinesis implements KinesisPutApi {

    /** One user record as it landed. */
    record Landed(String shardId, String partitionKey, String data, BigInteger hashKey) {}

    private final Random random = new Random(42);
    private final List<ShardRange> shards = new ArrayList<>();
    private int nextShard;
    final List<Landed> landed = new ArrayList<>();
    double entryFailureRate;
    double callFailureRate;
    boolean down;

    /** Runs before call n (1-based) is answered, to reshard mid-stream. */
    IntConsumer beforeCall = n -> {};

    int calls;
    int listShardsCalls;
    int failedEntries;
    int failedCalls;
    int kinesisRecords;
    int misplaced;

    /** The most entries one call carried for a single shard, as the writer predicted it. */
    int maxEntriesPerShardInOneCall;

    FakeKinesis(int shardCount) {
        BigInteger width = HashKeys.MAX.add(BigInteger.ONE).divide(BigInteger.valueOf(shardCount));
        for (int i = 0; i < shardCount; i++) {
            BigInteger start = width.multiply(BigInteger.valueOf(i));
            BigInteger end =
                    i == shardCount - 1 ? HashKeys.MAX : start.add(width).subtract(BigInteger.ONE);
            shards.add(new ShardRange(newShardId(), start, end, true));
        }
    }

    private String newShardId() {
        return String.format("shardId-%012d", nextShard++);
    }

    @Override
    public List<ShardRange> listShards(String stream) {
        listShardsCalls++;
        if (down) {
            throw new IllegalStateException("connection refused (fake)");
        }
        return List.copyOf(shards);
    }

    @Override
    public List<PutResult> putRecords(String stream, List<PutEntry> entries) {
        calls++;
        if (entries.isEmpty() || entries.size() > SdkWriterSettings.MAX_CALL_ENTRIES) {
            throw new IllegalArgumentException("bad entry count " + entries.size());
        }
        notePerShardEntries(entries);
        beforeCall.accept(calls);
        if (down || random.nextDouble() < callFailureRate) {
            failedCalls++;
            throw new IllegalStateException("Rate exceeded for stream (fake)");
        }
        PutResult[] results = new PutResult[entries.size()];
        List<Integer> landingOrder = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            landingOrder.add(i);
        }
        Collections.shuffle(landingOrder, random);
        for (int i : landingOrder) {
            results[i] = land(entries.get(i));
        }
        return Arrays.asList(results);
    }

    private void notePerShardEntries(List<PutEntry> entries) {
        Map<String, Integer> perShard = new HashMap<>();
        for (PutEntry e : entries) {
            perShard.merge(shardFor(e).shardId(), 1, Integer::sum);
        }
        perShard.values()
                .forEach(
                        n ->
                                maxEntriesPerShardInOneCall =
                                        Math.max(maxEntriesPerShardInOneCall, n));
    }

    private ShardRange shardFor(PutEntry e) {
        BigInteger hash = HashKeys.of(e.partitionKey(), e.explicitHashKey());
        return shards.stream().filter(s -> s.open() && s.contains(hash)).findFirst().orElseThrow();
    }

    private PutResult land(PutEntry e) {
        if (random.nextDouble() < entryFailureRate) {
            failedEntries++;
            return random.nextBoolean()
                    ? PutResult.failed(
                            "ProvisionedThroughputExceededException", "Rate exceeded (fake)")
                    : PutResult.failed("InternalFailure", "Internal service failure (fake)");
        }
        ShardRange shard = shardFor(e);
        kinesisRecords++;
        String sequence = Integer.toString(kinesisRecords);
        for (KinesisClientRecord r : AggregateBuilderTest.deaggregate(e.data(), e.partitionKey())) {
            ByteBuffer b = r.data().asReadOnlyBuffer();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            BigInteger hash = HashKeys.of(r.partitionKey(), r.explicitHashKey());
            if (!shard.contains(hash)) {
                misplaced++;
            }
            landed.add(
                    new Landed(
                            shard.shardId(),
                            r.partitionKey(),
                            new String(bytes, StandardCharsets.UTF_8),
                            hash));
        }
        return PutResult.written(shard.shardId(), sequence);
    }

    /** Closes {@code shardId} and opens two children that halve its range. */
    void split(String shardId) {
        ShardRange parent = close(shardId);
        BigInteger middle = parent.start().add(parent.end()).shiftRight(1);
        shards.add(new ShardRange(newShardId(), parent.start(), middle, true));
        shards.add(new ShardRange(newShardId(), middle.add(BigInteger.ONE), parent.end(), true));
    }

    /** Closes two adjacent shards and opens one child over both ranges. */
    void merge(String lower, String upper) {
        ShardRange a = close(lower);
        ShardRange b = close(upper);
        shards.add(new ShardRange(newShardId(), a.start(), b.end(), true));
    }

    private ShardRange close(String shardId) {
        for (int i = 0; i < shards.size(); i++) {
            ShardRange s = shards.get(i);
            if (s.shardId().equals(shardId)) {
                ShardRange closed = new ShardRange(s.shardId(), s.start(), s.end(), false);
                shards.set(i, closed);
                return closed;
            }
        }
        throw new IllegalArgumentException("no shard " + shardId);
    }

    @Override
    public void close() {}
}
