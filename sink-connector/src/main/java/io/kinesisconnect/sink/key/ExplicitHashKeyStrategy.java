package io.kinesisconnect.sink.key;

import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.record.InvalidRecordException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

/** Chooses a record's explicit hash key: none, from a header, or pinned to its Kafka partition. */
@FunctionalInterface
public interface ExplicitHashKeyStrategy {

    /** The decimal explicit hash key of {@code record}, or null to let Kinesis hash the key. */
    String hashKey(SinkRecord record);

    /** Builds the strategy the config describes. */
    static ExplicitHashKeyStrategy from(KinesisSinkConfig config) {
        return switch (config.hashKeySource()) {
            case NONE -> record -> null;
            case HEADER -> fromHeader(config.hashKeyHeader());
            case PIN_PARTITION -> {
                int partitions = config.hashKeyPartitions();
                yield record -> HashKeySpreader.hashKey(record.kafkaPartition(), partitions);
            }
        };
    }

    /** The header's value, which must be a decimal number in [0, 2^128 - 1]; absent: none. */
    static ExplicitHashKeyStrategy fromHeader(String name) {
        return record -> {
            Header h = record.headers().lastWithName(name);
            if (h == null || h.value() == null) {
                return null;
            }
            Object v = h.value();
            String text =
                    (v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v.toString())
                            .trim();
            try {
                BigInteger key = new BigInteger(text);
                if (key.signum() >= 0 && key.compareTo(HashKeySpreader.SPACE) < 0) {
                    return key.toString();
                }
            } catch (NumberFormatException ignored) {
                // reported below with the key's rules
            }
            throw new InvalidRecordException(
                    "header '"
                            + name
                            + "' holds '"
                            + text
                            + "', but "
                            + KinesisSinkConfig.HASH_KEY_HEADER_CONFIG
                            + " needs a decimal number from 0 to 2^128-1");
        };
    }
}
