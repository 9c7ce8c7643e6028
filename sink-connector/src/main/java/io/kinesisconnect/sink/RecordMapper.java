package io.kinesisconnect.sink;

import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.key.ExplicitHashKeyStrategy;
import io.kinesisconnect.sink.key.PartitionKeyStrategy;
import io.kinesisconnect.sink.record.InvalidRecordException;
import io.kinesisconnect.sink.route.StreamRouter;
import io.kinesisconnect.sink.value.ValueEncoder;
import io.kinesisconnect.sink.write.KinesisRecord;
import org.apache.kafka.connect.sink.SinkRecord;

/** Turns a Kafka record with a non-null value into the Kinesis record to write. */
final class RecordMapper implements AutoCloseable {

    private final StreamRouter router;
    private final PartitionKeyStrategy partitionKeys;
    private final ExplicitHashKeyStrategy hashKeys;
    private final ValueEncoder values;

    RecordMapper(
            StreamRouter router,
            PartitionKeyStrategy partitionKeys,
            ExplicitHashKeyStrategy hashKeys,
            ValueEncoder values) {
        this.router = router;
        this.partitionKeys = partitionKeys;
        this.hashKeys = hashKeys;
        this.values = values;
    }

    static RecordMapper from(KinesisSinkConfig config) {
        return new RecordMapper(
                StreamRouter.from(config),
                PartitionKeyStrategy.from(config),
                ExplicitHashKeyStrategy.from(config),
                ValueEncoder.from(config));
    }

    /**
     * The Kinesis record for {@code record}.
     *
     * @throws InvalidRecordException when the record cannot be written as configured
     */
    KinesisRecord map(SinkRecord record) {
        return new KinesisRecord(
                router.streamFor(record),
                partitionKeys.partitionKey(record),
                hashKeys.hashKey(record),
                values.encode(record));
    }

    @Override
    public void close() {
        values.close();
    }
}
