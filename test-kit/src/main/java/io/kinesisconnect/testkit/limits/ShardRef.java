package io.kinesisconnect.testkit.limits;

/** One shard of one stream: the unit every per-shard limit and counter is kept for. */
public record ShardRef(String stream, String shardId) {

    @Override
    public String toString() {
        return stream + "/" + shardId;
    }
}
