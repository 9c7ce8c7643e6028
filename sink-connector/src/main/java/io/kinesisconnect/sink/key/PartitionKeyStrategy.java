package io.kinesisconnect.sink.key;

import io.kinesisconnect.sink.config.BytesEncoding;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.config.NullKeyBehavior;
import io.kinesisconnect.sink.record.InvalidRecordException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Chooses a record's partition key: from the record key, a header, a value field, or at random.
 * When the source is null or empty, {@link NullKeyBehavior} decides.
 */
public final class PartitionKeyStrategy {

    private final KeySource source;
    private final BytesEncoding encoding;
    private final NullKeyBehavior nullBehavior;

    PartitionKeyStrategy(KeySource source, BytesEncoding encoding, NullKeyBehavior nullBehavior) {
        this.source = source;
        this.encoding = encoding;
        this.nullBehavior = nullBehavior;
    }

    /** Builds the strategy the config describes. */
    public static PartitionKeyStrategy from(KinesisSinkConfig config) {
        KeySource source =
                switch (config.partitionKeySource()) {
                    case KEY -> SinkRecord::key;
                    case HEADER -> header(config.partitionKeyHeader());
                    case FIELD -> field(config.partitionKeyField());
                    case RANDOM -> record -> randomKey();
                };
        return new PartitionKeyStrategy(source, config.bytesEncoding(), config.nullKeyBehavior());
    }

    /**
     * The partition key of {@code record}.
     *
     * @throws InvalidRecordException when the key is missing and the behaviour is {@code fail}, or
     *     the configured field cannot be read
     */
    public String partitionKey(SinkRecord record) {
        String key = KeyText.of(source.keyOf(record), encoding);
        if (key != null) {
            return key;
        }
        return switch (nullBehavior) {
            case KAFKA_PARTITION -> Integer.toString(record.kafkaPartition());
            case RANDOM -> randomKey();
            case FAIL ->
                    throw new InvalidRecordException(
                            "the partition key source is null or empty and "
                                    + KinesisSinkConfig.NULL_KEY_CONFIG
                                    + " is fail");
        };
    }

    /** A random key: 128 random bits in hex, spread evenly over the hash-key space by Kinesis. */
    static String randomKey() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    private static KeySource header(String name) {
        return record -> {
            Header h = record.headers().lastWithName(name);
            return h == null ? null : h.value();
        };
    }

    /** Reads a dotted path such as {@code customer.id} through Structs and Maps. */
    static KeySource field(String path) {
        String[] parts = path.split("\\.");
        return record -> {
            Object current = record.value();
            for (String part : parts) {
                current = child(current, part, path);
                if (current == null) {
                    return null;
                }
            }
            return current;
        };
    }

    private static Object child(Object parent, String name, String path) {
        if (parent instanceof Struct struct) {
            if (struct.schema().field(name) == null) {
                throw new InvalidRecordException(
                        "the value has no field '" + name + "' (partition key field " + path + ")");
            }
            try {
                return struct.get(name);
            } catch (DataException e) {
                throw new InvalidRecordException("cannot read partition key field " + path, e);
            }
        }
        if (parent instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (parent == null) {
            return null;
        }
        throw new InvalidRecordException(
                "partition key field "
                        + path
                        + " needs a Struct or Map value, found "
                        + parent.getClass().getSimpleName());
    }

    /** Reads the raw key object of a record. */
    @FunctionalInterface
    interface KeySource {
        Object keyOf(SinkRecord record);
    }
}
