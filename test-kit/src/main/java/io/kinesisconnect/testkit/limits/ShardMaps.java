package io.kinesisconnect.testkit.limits;

import io.kinesisconnect.common.aws.StreamQueries;
import io.kinesisconnect.processes.KinesisTestClients;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * The upstream's shard map of each stream written to, read with ListShards straight from the
 * upstream (not through the proxy, so it costs no ListShards budget) and kept until {@link
 * #invalidate} says the stream was resharded or a prediction missed.
 */
final class ShardMaps implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShardMaps.class);

    private final KinesisClient upstream;
    private final Map<String, ShardMap> maps = new ConcurrentHashMap<>();

    ShardMaps(Upstream upstream) {
        this.upstream = KinesisTestClients.create(upstream.endpoint());
    }

    /** The stream's open shards, or empty when the upstream cannot list them (no such stream). */
    Optional<ShardMap> of(String stream) {
        ShardMap cached = maps.get(stream);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            ShardMap loaded = load(stream);
            maps.put(stream, loaded);
            log.debug("Shard map stream={} openShards={}", stream, loaded.size());
            return Optional.of(loaded);
        } catch (SdkException e) {
            log.warn(
                    "No shard map for stream={}; its writes pass unlimited: {}",
                    stream,
                    e.toString());
            return Optional.empty();
        }
    }

    /** Forgets the stream's map, so the next write reads it again. */
    void invalidate(String stream) {
        if (maps.remove(stream) != null) {
            log.debug("Shard map of stream={} is stale; it will be read again", stream);
        }
    }

    @Override
    public void close() {
        upstream.close();
    }

    private ShardMap load(String stream) {
        return new ShardMap(
                StreamQueries.listShards(upstream, stream).stream()
                        .filter(shard -> shard.sequenceNumberRange().endingSequenceNumber() == null)
                        .map(ShardMaps::range)
                        .toList());
    }

    private static ShardMap.Range range(Shard shard) {
        return new ShardMap.Range(
                shard.shardId(),
                new BigInteger(shard.hashKeyRange().startingHashKey()),
                new BigInteger(shard.hashKeyRange().endingHashKey()));
    }
}
