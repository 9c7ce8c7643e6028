package io.kinesisconnect.source.shard;

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
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * A {@link ParentGate} that knows a parent is done when its committed offset says finished. The
 * offset store is shared by all workers, so this holds across tasks; the shard listing tells which
 * parents still exist at all.
 */
public final class OffsetParentGate implements ParentGate {

    private static final Logger log = LoggerFactory.getLogger(OffsetParentGate.class);

    private final StreamProxy proxy;
    private final Function<ShardRef, Optional<ShardOffset>> committedOffsets;
    private final Duration listingMaxAge;
    private final LongSupplier nanoTime;
    private final Set<ShardRef> finishedHere = ConcurrentHashMap.newKeySet();
    private final Map<String, Listing> listings = new HashMap<>();

    /**
     * @param committedOffsets reads a shard's committed offset (the task's OffsetStorageReader)
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
    public synchronized boolean mayStart(ShardRef shard) {
        Map<String, Shard> shards;
        try {
            shards = listing(shard.stream());
        } catch (SdkException e) {
            log.debug("Cannot list shards of {} yet: {}", shard.stream(), e.toString());
            return false;
        }
        Shard self = shards.get(shard.shardId());
        if (self == null) {
            // Not listed (yet): a brand-new child may be missing from a cached listing.
            listings.remove(shard.stream());
            return false;
        }
        for (String parentId : parentIds(self)) {
            ShardRef parent = new ShardRef(shard.stream(), parentId);
            if (!parentDone(parent, shards)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void finishedLocally(ShardRef shard) {
        finishedHere.add(shard);
    }

    private boolean parentDone(ShardRef parent, Map<String, Shard> shards) {
        if (finishedHere.contains(parent)) {
            return true;
        }
        if (!shards.containsKey(parent.shardId())) {
            log.warn(
                    "Parent shard {} is gone from the stream (its data expired); not waiting for it",
                    parent);
            finishedHere.add(parent);
            return true;
        }
        return committedOffsets.apply(parent).map(ShardOffset::finished).orElse(false);
    }

    private static List<String> parentIds(Shard shard) {
        if (shard.parentShardId() == null) {
            return List.of();
        }
        return shard.adjacentParentShardId() == null
                ? List.of(shard.parentShardId())
                : List.of(shard.parentShardId(), shard.adjacentParentShardId());
    }

    private Map<String, Shard> listing(String stream) {
        Listing cached = listings.get(stream);
        long now = nanoTime.getAsLong();
        if (cached == null || now - cached.fetchedNanos() > listingMaxAge.toNanos()) {
            Map<String, Shard> byId = new HashMap<>();
            proxy.listShards(stream).forEach(s -> byId.put(s.shardId(), s));
            cached = new Listing(byId, now);
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
