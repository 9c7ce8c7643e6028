package io.kinesisconnect.sink;

import io.kinesisconnect.common.ProjectVersion;
import io.kinesisconnect.common.keys.ConnectKeys;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.config.SinkWriter;
import io.kinesisconnect.sink.write.KinesisRecordWriter;
import io.kinesisconnect.sink.write.KplSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Kafka records to Kinesis: the lifecycle only. Everything a record goes through, from
 * mapping to the acknowledged offset, is the task's {@link DeliveryPath}.
 */
public class KinesisSinkTask extends SinkTask {

    /** Set by the connector in each task config: the task's index, for logs and JMX. */
    public static final String TASK_ID_CONFIG = ConnectKeys.TASK_ID;

    private static final Logger log = LoggerFactory.getLogger(KinesisSinkTask.class);

    private final BiFunction<KinesisSinkConfig, String, KinesisRecordWriter> writerFactory;
    private TaskName name;
    private DeliveryPath delivery;

    public KinesisSinkTask() {
        this(RecordWriters::create);
    }

    KinesisSinkTask(BiFunction<KinesisSinkConfig, String, KinesisRecordWriter> writerFactory) {
        this.writerFactory = writerFactory;
    }

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        long started = System.nanoTime();
        KinesisSinkConfig config = new KinesisSinkConfig(props);
        Map<String, List<String>> problems =
                config.writer() == SinkWriter.KPL ? KplSettings.validate(props) : Map.of();
        if (!problems.isEmpty()) {
            throw new ConnectException("Invalid KPL settings: " + problems.values());
        }
        KplSettings.processListExposure(props)
                .ifPresent(w -> log.warn("Kinesis sink task config: {}", w));
        name = TaskName.of(props);
        delivery = DeliveryPath.build(config, context, name, writerFactory);
        log.info(
                "Started Kinesis sink task={} writer={} routing={} partition_key={} hash_key={}"
                        + " max_outstanding={} max_outstanding_bytes={} dlq={} kpl=[{}] in {} ms",
                name,
                config.writer().configValue(),
                config.streamRouting().configValue(),
                config.partitionKeySource().configValue(),
                config.hashKeySource().configValue(),
                config.maxOutstandingRecords(),
                config.maxOutstandingBytes(),
                DeliveryPath.hasDeadLetterQueue(context),
                KplSettings.describe(config),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        delivery.open(partitions);
        log.info("Opened task={} partitions={}", name, partitions);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        delivery.put(records);
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(
            Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        return delivery.committable(currentOffsets.keySet());
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // preCommit does the flushing; it commits only what Kinesis acknowledged
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        int dropped = delivery.close(partitions);
        log.info(
                "Closed task={} partitions={} parked_records_dropped={}",
                name,
                partitions,
                dropped);
    }

    @Override
    public void stop() {
        long started = System.nanoTime();
        if (delivery != null) {
            delivery.close();
        }
        log.info(
                "Stopped Kinesis sink task={} in {} ms",
                name,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
