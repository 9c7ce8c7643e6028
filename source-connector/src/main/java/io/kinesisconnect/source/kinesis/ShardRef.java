package io.kinesisconnect.source.kinesis;

import java.util.Comparator;

/**
 * One shard of one stream: the unit of work the connector spreads over tasks, and the source
 * partition its offsets are stored under.
 *
 * @param stream the stream name
 * @param shardId the shard id, such as shardId-000000000003
 */
public record ShardRef(String stream, String shardId) implements Comparable<ShardRef> {

    private static final Comparator<ShardRef> ORDER =
            Comparator.comparing(ShardRef::stream).thenComparing(ShardRef::shardId);

    public ShardRef {
        if (stream == null || stream.isEmpty() || shardId == null || shardId.isEmpty()) {
            throw new IllegalArgumentException("A shard needs a stream name and a shard id");
        }
    }

    /**
     * Parses the {@code stream/shardId} form that task configs carry. Stream names cannot contain a
     * slash, so the first slash separates the two.
     */
    public static ShardRef parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("Expected 'stream/shardId' but got '" + text + "'");
        }
        return new ShardRef(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public int compareTo(ShardRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return stream + "/" + shardId;
    }
}
