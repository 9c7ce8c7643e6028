package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.kinesis.StreamProxy;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * What a ResourceNotFound from reading a shard means, decided by a fresh look at the stream.
 * Kinesis may also answer it for a shard that is still there, and treating that as the shard's end
 * would skip the rest of it and open its children's gate; so a shard counts as gone (its data
 * expired) only when its stream exists and a fresh listing lacks it.
 */
final class MissingShardCheck {

    /** What the fresh look found. */
    enum Verdict {
        /** The shard is still listed: something else was not found, or Kinesis answered wrongly. */
        STILL_LISTED,
        /** The stream is there and the shard is not: its data expired. */
        EXPIRED
    }

    private static final Logger log = LoggerFactory.getLogger(MissingShardCheck.class);

    private final StreamProxy proxy;

    MissingShardCheck(StreamProxy proxy) {
        this.proxy = proxy;
    }

    /**
     * @throws ConnectException when the stream itself does not exist (any more): no retry helps
     * @throws software.amazon.awssdk.core.exception.SdkException when the look itself fails; the
     *     caller retries as for any transient error
     */
    Verdict check(ShardRef shard, ResourceNotFoundException cause) {
        if (!proxy.streamExists(shard.stream())) {
            throw new ConnectException(
                    "Kinesis stream '"
                            + shard.stream()
                            + "' does not exist (any more); check kinesis.streams and aws.region",
                    cause);
        }
        boolean listed =
                proxy.listShards(shard.stream()).stream()
                        .anyMatch(listedShard -> listedShard.shardId().equals(shard.shardId()));
        if (listed) {
            return Verdict.STILL_LISTED;
        }
        log.warn(
                "Shard {} no longer exists: its data expired from the stream; treating it as finished",
                shard);
        return Verdict.EXPIRED;
    }
}
