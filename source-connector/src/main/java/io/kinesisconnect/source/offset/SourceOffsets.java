package io.kinesisconnect.source.offset;

import io.kinesisconnect.common.aws.KinesisNames;
import io.kinesisconnect.source.kinesis.ShardRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Wraps and unwraps the connector's source partitions and offsets, and validates ones a user
 * supplies (for example through {@code PATCH /connectors/{name}/offsets}) with messages that say
 * what is accepted.
 *
 * <pre>
 * partition: {"stream": "orders", "shard": "shardId-000000000001"}
 * offset:    {"sequence": "4959...", "subsequence": 3, "finished": false}
 * </pre>
 */
public final class SourceOffsets {

    public static final String STREAM_KEY = "stream";
    public static final String SHARD_KEY = "shard";
    public static final String SEQUENCE_KEY = "sequence";
    public static final String SUBSEQUENCE_KEY = "subsequence";
    public static final String FINISHED_KEY = "finished";

    private static final Pattern SEQUENCE = Pattern.compile("0|[1-9][0-9]{0,127}");

    private SourceOffsets() {}

    /**
     * The source partition of a shard.
     *
     * <p>Connect stores offsets under the serialized partition, so the order of its keys is part of
     * its identity. A {@code Map.of} iterates in an order that changes from one JVM to the next, so
     * a restarted worker would not find the offsets; and Connect itself turns partitions from a
     * {@code PATCH /offsets} request into a {@code HashMap}. A {@code HashMap} iterates these keys
     * in the same order everywhere, so every path agrees.
     */
    public static Map<String, String> partition(ShardRef shard) {
        Map<String, String> partition = new HashMap<>();
        partition.put(STREAM_KEY, shard.stream());
        partition.put(SHARD_KEY, shard.shardId());
        return partition;
    }

    /** The source offset map of a position. */
    public static Map<String, Object> offset(ShardOffset offset) {
        Map<String, Object> map = new HashMap<>();
        map.put(SEQUENCE_KEY, offset.sequenceNumber());
        map.put(SUBSEQUENCE_KEY, offset.subSequenceNumber());
        map.put(FINISHED_KEY, offset.finished());
        return map;
    }

    /**
     * Reads a source partition back.
     *
     * @throws IllegalArgumentException naming the key and the accepted form when it is malformed
     */
    public static ShardRef readPartition(Map<String, ?> partition) {
        if (partition == null) {
            throw new IllegalArgumentException(
                    "The source partition is missing; expected {\"stream\": \"<stream name>\","
                            + " \"shard\": \"<shard id>\"}");
        }
        String stream =
                requireText(partition, STREAM_KEY, KinesisNames.NAME, "a Kinesis stream name");
        String shard =
                requireText(
                        partition,
                        SHARD_KEY,
                        KinesisNames.NAME,
                        "a shard id such as shardId-000000000000");
        if (partition.size() != 2) {
            throw new IllegalArgumentException(
                    "The source partition "
                            + partition
                            + " has unexpected keys; only \"stream\" and \"shard\" are accepted");
        }
        return new ShardRef(stream, shard);
    }

    /**
     * Reads a stored or user-supplied source offset. A null map means "no offset": the shard starts
     * from the configured startup position.
     *
     * @throws IllegalArgumentException naming the key, the value and what is accepted
     */
    public static Optional<ShardOffset> readOffset(Map<String, ?> offset) {
        if (offset == null) {
            return Optional.empty();
        }
        Object sequence = offset.get(SEQUENCE_KEY);
        boolean finished = readFinished(offset.get(FINISHED_KEY));
        if (sequence == null && !finished) {
            throw new IllegalArgumentException(
                    "The source offset "
                            + offset
                            + " has no \"sequence\"; expected a Kinesis sequence number as a string of"
                            + " digits, such as \"49590338271490256608559692538361571095921575989136588898\""
                            + " (or \"finished\": true to mark the shard done)");
        }
        if (sequence != null && !(sequence instanceof String s && SEQUENCE.matcher(s).matches())) {
            throw new IllegalArgumentException(
                    "Invalid \"sequence\" "
                            + describe(sequence)
                            + " in source offset; expected a Kinesis sequence number as a string of"
                            + " digits");
        }
        long subsequence = readSubsequence(offset.get(SUBSEQUENCE_KEY));
        for (String key : offset.keySet()) {
            if (!key.equals(SEQUENCE_KEY)
                    && !key.equals(SUBSEQUENCE_KEY)
                    && !key.equals(FINISHED_KEY)) {
                throw new IllegalArgumentException(
                        "Unknown key \""
                                + key
                                + "\" in source offset; accepted keys are \"sequence\", \"subsequence\""
                                + " and \"finished\"");
            }
        }
        return Optional.of(new ShardOffset((String) sequence, subsequence, finished));
    }

    private static long readSubsequence(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() >= 0) {
            return n.longValue();
        }
        throw new IllegalArgumentException(
                "Invalid \"subsequence\" "
                        + describe(value)
                        + " in source offset; expected a whole number of at least 0 (the index of the"
                        + " last emitted user record inside a KPL aggregate, 0 for plain records)");
    }

    private static boolean readFinished(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(
                "Invalid \"finished\" "
                        + describe(value)
                        + " in source offset; expected true or false");
    }

    private static String requireText(
            Map<String, ?> partition, String key, Pattern pattern, String accepted) {
        Object value = partition.get(key);
        if (!(value instanceof String text) || !pattern.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "Invalid \""
                            + key
                            + "\" "
                            + describe(value)
                            + " in source partition; expected "
                            + accepted);
        }
        return text;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "(missing)";
        }
        return value instanceof String
                ? "\"" + value + "\""
                : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
