package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.IteratorPosition;
import io.kinesisconnect.source.kinesis.StreamProxy;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.SequenceNumberRange;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * An in-memory Kinesis with one stream: shards hold records with increasing sequence numbers,
 * iterators are positions, and tests can queue failures for the next calls. Thread-safe, so a
 * {@link ShardReaderPool} can drive several readers against it.
 */
final class FakeStreamProxy implements StreamProxy {

    final String stream;
    private boolean dropped;
    private final Map<String, List<Record>> records = new HashMap<>();
    private final Map<String, Shard> shards = new HashMap<>();
    private final Map<String, Integer> iterators = new HashMap<>();
    private final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();
    private long nextSequence = 1000;
    private int iteratorCounter;
    int getRecordsCalls;
    int listCalls;
    int iteratorCalls;
    final List<IteratorPosition> positionsAsked = new ArrayList<>();

    FakeStreamProxy(String stream) {
        this.stream = stream;
    }

    synchronized FakeStreamProxy addShard(String shardId, String parent) {
        shards.put(
                shardId,
                Shard.builder()
                        .shardId(shardId)
                        .parentShardId(parent)
                        .sequenceNumberRange(
                                SequenceNumberRange.builder().startingSequenceNumber("0").build())
                        .build());
        records.put(shardId, new ArrayList<>());
        return this;
    }

    /** Adds the child of a merge of {@code parent} and {@code adjacent}. */
    synchronized FakeStreamProxy addMergedShard(String shardId, String parent, String adjacent) {
        addShard(shardId, parent);
        shards.put(
                shardId, shards.get(shardId).toBuilder().adjacentParentShardId(adjacent).build());
        return this;
    }

    /** Closes a shard: readers get no next iterator once they reach its end. */
    synchronized void close(String shardId) {
        Shard shard = shards.get(shardId);
        shards.put(
                shardId,
                shard.toBuilder()
                        .sequenceNumberRange(
                                SequenceNumberRange.builder()
                                        .startingSequenceNumber("0")
                                        .endingSequenceNumber(Long.toString(nextSequence))
                                        .build())
                        .build());
    }

    synchronized void removeShard(String shardId) {
        shards.remove(shardId);
    }

    synchronized String put(String shardId, String partitionKey, byte[] data) {
        String sequence = Long.toString(nextSequence++);
        records.get(shardId)
                .add(
                        Record.builder()
                                .sequenceNumber(sequence)
                                .partitionKey(partitionKey)
                                .data(SdkBytes.fromByteArray(data))
                                .approximateArrivalTimestamp(Instant.ofEpochMilli(nextSequence))
                                .build());
        return sequence;
    }

    synchronized void failNext(Supplier<RuntimeException> failure) {
        failures.add(failure);
    }

    @Override
    public synchronized List<Shard> listShards(String name) {
        requireStream(name);
        listCalls++;
        failIfQueued();
        return new ArrayList<>(shards.values());
    }

    @Override
    public synchronized boolean streamExists(String name) {
        return !dropped && stream.equals(name);
    }

    /** The stream is deleted: every call on it is answered ResourceNotFound from now on. */
    synchronized void dropStream() {
        dropped = true;
    }

    @Override
    public synchronized String shardIterator(
            String name, String shardId, IteratorPosition position) {
        requireStream(name);
        iteratorCalls++;
        positionsAsked.add(position);
        failIfQueued();
        List<Record> shardRecords = records.get(shardId);
        if (shardRecords == null || !shards.containsKey(shardId)) {
            throw ResourceNotFoundException.builder()
                    .message("Shard " + shardId + " not found")
                    .build();
        }
        int index = 0;
        if (position instanceof IteratorPosition.AtSequenceNumber at) {
            index = indexOf(shardRecords, at.sequenceNumber(), false);
        } else if (position instanceof IteratorPosition.AfterSequenceNumber after) {
            index = indexOf(shardRecords, after.sequenceNumber(), true);
        } else if (position instanceof IteratorPosition.AtTimestamp at) {
            while (index < shardRecords.size()
                    && shardRecords
                            .get(index)
                            .approximateArrivalTimestamp()
                            .isBefore(at.timestamp())) {
                index++;
            }
        }
        String iterator = shardId + "#" + (iteratorCounter++);
        iterators.put(iterator, index);
        return iterator;
    }

    @Override
    public synchronized GetRecordsResponse getRecords(String iterator, int limit) {
        getRecordsCalls++;
        failIfQueued();
        String shardId = iterator.substring(0, iterator.indexOf('#'));
        Integer index = iterators.remove(iterator);
        if (index == null) {
            throw new IllegalStateException("Unknown or reused iterator " + iterator);
        }
        List<Record> shardRecords = records.get(shardId);
        int end = Math.min(shardRecords.size(), index + limit);
        List<Record> batch = List.copyOf(shardRecords.subList(index, end));
        boolean closed =
                shards.get(shardId) != null
                        && shards.get(shardId).sequenceNumberRange().endingSequenceNumber() != null;
        String next = null;
        if (!(closed && end == shardRecords.size())) {
            next = shardId + "#" + (iteratorCounter++);
            iterators.put(next, end);
        }
        return GetRecordsResponse.builder()
                .records(batch)
                .nextShardIterator(next)
                .millisBehindLatest(end == shardRecords.size() ? 0L : 1000L)
                .build();
    }

    private static int indexOf(List<Record> records, String sequence, boolean after) {
        BigInteger target = new BigInteger(sequence);
        for (int i = 0; i < records.size(); i++) {
            int order = new BigInteger(records.get(i).sequenceNumber()).compareTo(target);
            if (after ? order > 0 : order >= 0) {
                return i;
            }
        }
        return records.size();
    }

    private void failIfQueued() {
        Supplier<RuntimeException> failure = failures.poll();
        if (failure != null) {
            throw failure.get();
        }
    }

    private void requireStream(String name) {
        if (dropped || !stream.equals(name)) {
            throw ResourceNotFoundException.builder()
                    .message("Stream " + name + " not found")
                    .build();
        }
    }

    @Override
    public void close() {}
}
