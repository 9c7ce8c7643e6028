package io.kinesisconnect.sink.write.sdk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One stream's shard lanes and the shard map that routes user records to them. Until the first
 * ListShards answers, records wait unrouted. A new map re-splits every waiting record by its hash
 * key, in arrival order, so a key's records stay in order when its shard is split or merged.
 */
final class StreamLanes {

    final String stream;
    private final SdkWriterSettings settings;
    private final LongSupplier nanoClock;
    private final Map<String, ShardLane> lanes = new LinkedHashMap<>();
    private final Deque<PendingUserRecord> unrouted = new ArrayDeque<>();
    private ShardMap map;
    private boolean stale;
    private long refreshNotBefore;
    private int refreshFailures;

    StreamLanes(String stream, SdkWriterSettings settings, LongSupplier nanoClock) {
        this.stream = stream;
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.refreshNotBefore = nanoClock.getAsLong();
    }

    /** Queues a record on its shard's lane, or unrouted while there is no map yet. */
    void add(PendingUserRecord record) {
        if (map == null) {
            unrouted.add(record);
        } else {
            laneFor(record).queue.add(record);
        }
    }

    private ShardLane laneFor(PendingUserRecord record) {
        ShardRange shard = map.shardFor(record.hashKey);
        return lanes.computeIfAbsent(
                shard.shardId(), id -> new ShardLane(shard, settings, nanoClock));
    }

    /** Whether the map must be (re)loaded before the next attempt. */
    boolean needsMap(long now) {
        return (map == null || stale) && now - refreshNotBefore >= 0;
    }

    /**
     * Asks for a new map: a record landed in a shard other than predicted, or the stream changed.
     */
    void markStale() {
        stale = true;
    }

    /**
     * Installs a new map and re-splits every queued record by it, in arrival order. Lanes of shards
     * that are still open keep their buckets and backoff.
     */
    void install(ShardMap newMap) {
        List<PendingUserRecord> all = new ArrayList<>(unrouted);
        unrouted.clear();
        lanes.values().forEach(l -> all.addAll(l.queue));
        all.sort(Comparator.comparingLong(r -> r.arrival));
        Map<String, ShardLane> kept = new LinkedHashMap<>();
        for (ShardRange open : newMap.openShards()) {
            ShardLane lane = lanes.get(open.shardId());
            if (lane != null && lane.range.equals(open)) {
                lane.queue.clear();
                kept.put(open.shardId(), lane);
            }
        }
        lanes.clear();
        lanes.putAll(kept);
        map = newMap;
        stale = false;
        refreshFailures = 0;
        all.forEach(this::add);
    }

    /**
     * Notes a failed ListShards and when to try again.
     *
     * @return the records that had no lane yet (each failed attempt counts against their budget)
     */
    List<PendingUserRecord> refreshFailed(long now) {
        refreshFailures++;
        refreshNotBefore = now + settings.backoff().delay(refreshFailures).toNanos();
        return List.copyOf(unrouted);
    }

    /** How long until the map may be loaded again, for a stream that needs one. */
    long nanosUntilRefresh(long now) {
        return (map == null || stale) ? Math.max(0, refreshNotBefore - now) : Long.MAX_VALUE;
    }

    ShardMap map() {
        return map;
    }

    Iterable<ShardLane> lanes() {
        return lanes.values();
    }

    /** Removes and returns every queued record, for a writer that stops. */
    List<PendingUserRecord> drainAll() {
        List<PendingUserRecord> all = new ArrayList<>(unrouted);
        unrouted.clear();
        lanes.values().forEach(l -> all.addAll(l.queue));
        lanes.values().forEach(l -> l.queue.clear());
        return all;
    }
}
