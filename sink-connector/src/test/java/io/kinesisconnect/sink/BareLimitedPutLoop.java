package io.kinesisconnect.sink;

import io.kinesisconnect.sink.write.sdk.AggregateBuilder;
import io.kinesisconnect.sink.write.sdk.HashKeys;
import io.kinesisconnect.sink.write.sdk.KinesisPutApi;
import io.kinesisconnect.sink.write.sdk.KinesisPutApi.PutEntry;
import io.kinesisconnect.sink.write.sdk.KinesisPutApi.PutResult;
import io.kinesisconnect.sink.write.sdk.SdkWriterSettings;
import io.kinesisconnect.sink.write.sdk.ShardMap;
import io.kinesisconnect.sink.write.sdk.ShardRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The bare SDK PutRecords loop of {@link SinkLimitsBenchmark}: what {@link
 * SinkThroughputBenchmark}'s bare loop does (the sdk writer's aggregation and shard budgets, one
 * call at a time, as many records queued as a task may have outstanding), plus what a shard that
 * says no demands: a refused aggregate's records go back to the head of their shard's queue and are
 * sent again. It runs on its own thread, {@value #THREAD}, until it has written every record or is
 * closed.
 */
final class BareLimitedPutLoop implements AutoCloseable {

    static final String THREAD = "bare-limited-put-loop";

    private final KinesisPutApi api;
    private final String stream;
    private final ShardMap map;
    private final SdkWriterSettings settings;
    private final int window;
    private final long refillChunk;
    private final Map<String, BareShardLane> lanes = new LinkedHashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong refusedEntries = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopping;

    /** An entry of a call, and the records it carries, to requeue if it is refused. */
    private record Sent(BareShardLane lane, PutEntry entry, List<Integer> records) {}

    /**
     * Starts writing records 0 to {@code count} - 1, whose key and data {@code keys} and {@code
     * data} give.
     */
    BareLimitedPutLoop(
            KinesisPutApi api,
            String stream,
            SdkWriterSettings settings,
            int window,
            int count,
            IntFunction<String> keys,
            IntFunction<byte[]> data) {
        this.api = api;
        this.stream = stream;
        this.map = new ShardMap(api.listShards(stream));
        this.settings = settings;
        this.window = window;
        this.refillChunk =
                Math.min(settings.shardBytesPerSecond() / 10, settings.maxAggregateBytes());
        this.thread = new Thread(() -> run(count, keys, data), THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    /** User records written so far. */
    long written() {
        return written.get();
    }

    /** Entries (aggregates) the shards refused so far. */
    long refusedEntries() {
        return refusedEntries.get();
    }

    /** The error that stopped the loop, if any. */
    Throwable failure() {
        return failure.get();
    }

    private void run(int count, IntFunction<String> keys, IntFunction<byte[]> data) {
        try {
            int next = 0;
            int queued = 0;
            while (!stopping && written.get() < count) {
                for (; next < count && queued < window; next++, queued++) {
                    ShardRange shard = map.shardFor(HashKeys.ofPartitionKey(keys.apply(next)));
                    lanes.computeIfAbsent(shard.shardId(), id -> new BareShardLane(shard, settings))
                            .queue
                            .add(next);
                }
                queued -= sendOnce(keys, data);
            }
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }

    /** One call with one aggregate per shard whose budget allows it; returns records written. */
    private int sendOnce(IntFunction<String> keys, IntFunction<byte[]> data) {
        List<Sent> sent = new ArrayList<>();
        long wait = Long.MAX_VALUE;
        for (BareShardLane lane : lanes.values()) {
            Integer head = lane.queue.peek();
            if (head == null) {
                continue;
            }
            int headSize = data.apply(head).length + keys.apply(head).length();
            // as the writer: a drained bucket must hold a tenth of a second's bytes again
            long wanted = Math.max(headSize, refillChunk);
            if (!lane.records.allows(1) || !lane.bytes.allows(wanted)) {
                wait =
                        Math.min(
                                wait,
                                Math.max(
                                        lane.records.nanosUntil(1), lane.bytes.nanosUntil(wanted)));
                continue;
            }
            sent.add(aggregate(lane, keys, data, headSize));
        }
        if (sent.isEmpty()) {
            // pacing by the shard budgets, as the writer's sender does
            LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(100)));
            return 0;
        }
        List<PutResult> results = api.putRecords(stream, sent.stream().map(Sent::entry).toList());
        int done = 0;
        for (int i = 0; i < sent.size(); i++) {
            Sent s = sent.get(i);
            if (results.get(i).written()) {
                done += s.records().size();
            } else {
                refusedEntries.incrementAndGet();
                List<Integer> back = s.records();
                for (int j = back.size() - 1; j >= 0; j--) {
                    s.lane().queue.addFirst(back.get(j));
                }
            }
        }
        written.addAndGet(done);
        return done;
    }

    private Sent aggregate(
            BareShardLane lane, IntFunction<String> keys, IntFunction<byte[]> data, int headSize) {
        String outerKey = keys.apply(lane.queue.peek());
        long limit =
                Math.min(settings.maxAggregateBytes(), Math.max(lane.bytes.available(), headSize));
        AggregateBuilder aggregate = new AggregateBuilder();
        List<Integer> carried = new ArrayList<>();
        int head = lane.queue.poll();
        // the head always goes in (a full bucket lets any one record through)
        aggregate.add(outerKey, null, data.apply(head));
        carried.add(head);
        for (Integer i; (i = lane.queue.peek()) != null; lane.queue.poll()) {
            if (aggregate.count() >= settings.maxAggregateRecords()
                    || !aggregate.addIfWithin(
                            keys.apply(i), null, data.apply(i), limit - outerKey.length())) {
                break;
            }
            carried.add(i);
        }
        byte[] encoded = aggregate.encode();
        lane.bytes.take(encoded.length + outerKey.length());
        lane.records.take(1);
        return new Sent(
                lane, new PutEntry(outerKey, lane.range.start().toString(), encoded), carried);
    }

    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
