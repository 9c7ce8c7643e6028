package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.kinesis.StreamProxy;
import io.kinesisconnect.source.offset.ShardOffset;
import io.kinesisconnect.source.offset.SourceOffsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * A {@link ParentGate} that knows a parent is done when this task recorded its end, or when its
 * committed offset says finished. The offset store is shared by all workers, so this holds across
 * tasks; the shard listing tells which parents still exist at all.
 *
 * <p>It holds no lock: ListShards and offset reads are slow I/O, and one reader waiting on them
 * must not hold up the other readers of the task. Each call works on an immutable listing snapshot;
 * two readers refreshing it at once cost one extra ListShards, nothing more.
 */
public final class OffsetParentGate implements ParentGate {

    private static final Logger log = LoggerFactory.getLogger(OffsetParentGate.class);

    private final StreamProxy proxy;
    private final Function<ShardRef, Optional<ShardOffset>> committedOffsets;
    private final Duration listingMaxAge;
    private final LongSupplier nanoTime;
    private final Set<ShardRef> recorded = ConcurrentHashMap.newKeySet();
    private final Map<String, Listing> listings = new ConcurrentHashMap<>();
    private final LongAdder offsetReadFailures = new LongAdder();

    /**
     * @param committedOffsets reads a shard's committed offset (the task's OffsetStorageReader); it
     *     may throw, which counts as "not yet"
     * @param listingMaxAge how old a cached shard listing may be before it is fetched again
     */
    public OffsetParentGate(
            StreamProxy proxy,
            Function<ShardRef, Optional<ShardOffset>> committedOffsets,
            Duration listingMaxAge,
            LongSupplier nanoTime) {
        this.proxy = proxy;
        this.committedOffsets = committedOffsets;
        this.listingMaxAge = listingMaxAge;
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean mayStart(ShardRef shard) {
        try {
            Map<String, Shard> shards = listing(shard.stream(), false);
            if (!shards.containsKey(shard.shardId())) {
                // A brand-new child is missing from a listing cached before the reshard.
                shards = listing(shard.stream(), true);
            }
            Shard self = shards.get(shard.shardId());
            if (self == null) {
                log.debug("Shard {} is not listed yet; waiting", shard);
                return false;
            }
            for (String parentId : parentIds(self)) {
                if (!parentDone(new ShardRef(shard.stream(), parentId), shards)) {
                    return false;
                }
            }
            return true;
        } catch (SdkException e) {
            log.debug("Cannot list shards of {} yet: {}", shard.stream(), e.toString());
            return false;
        }
    }

    @Override
    public void endRecorded(ShardRef shard) {
        recorded.add(shard);
    }

    private boolean parentDone(ShardRef parent, Map<String, Shard> shards) {
        if (recorded.contains(parent)) {
            return true;
        }
        if (!shards.containsKey(parent.shardId()) && goneFromStream(parent)) {
            log.warn(
                    "Parent shard {} is gone from the stream (its data expired); not waiting for it",
                    parent);
            recorded.add(parent);
            return true;
        }
        return committedAsFinished(parent);
    }

    /** Confirms with a fresh listing that a shard missing from a cached one is really gone. */
    private boolean goneFromStream(ShardRef shard) {
        return !listing(shard.stream(), true).containsKey(shard.shardId());
    }

    private boolean committedAsFinished(ShardRef parent) {
        try {
            return committedOffsets.apply(parent).map(ShardOffset::finished).orElse(false);
        } catch (RuntimeException e) {
            // The offset store may be unreachable for a while, or closing with the task: not yet.
            offsetReadFailures.increment();
            if (offsetReadFailures.sum() % 20 == 1) {
                log.warn(
                        "Cannot read the committed offset of parent shard {} (failures={}); will"
                                + " retry: {}",
                        parent,
                        offsetReadFailures.sum(),
                        e.toString());
            }
            return false;
        }
    }

    private static List<String> parentIds(Shard shard) {
        if (shard.parentShardId() == null) {
            return List.of();
        }
        return shard.adjacentParentShardId() == null
                ? List.of(shard.parentShardId())
                : List.of(shard.parentShardId(), shard.adjacentParentShardId());
    }

    private Map<String, Shard> listing(String stream, boolean fresh) {
        Listing cached = listings.get(stream);
        long now = nanoTime.getAsLong();
        if (fresh || cached == null || now - cached.fetchedNanos() > listingMaxAge.toNanos()) {
            Map<String, Shard> byId = new HashMap<>();
            proxy.listShards(stream).forEach(s -> byId.put(s.shardId(), s));
            cached = new Listing(Map.copyOf(byId), now);
            listings.put(stream, cached);
        }
        return cached.shards();
    }

    /** Reads committed offsets of shards through a Connect offset reader function. */
    public static Function<ShardRef, Optional<ShardOffset>> fromOffsetMaps(
            Function<Map<String, String>, Map<String, Object>> reader) {
        return shard -> SourceOffsets.readOffset(reader.apply(SourceOffsets.partition(shard)));
    }

    private record Listing(Map<String, Shard> shards, long fetchedNanos) {}
}
