package io.kinesisconnect.sink;

import io.kinesisconnect.common.ProjectVersion;
import io.kinesisconnect.sink.delivery.BackPressure;
import io.kinesisconnect.sink.delivery.FailureReporter;
import io.kinesisconnect.sink.delivery.MetricsRegistration;
import io.kinesisconnect.sink.delivery.RecordDispatcher;
import io.kinesisconnect.sink.delivery.RetryBackoff;
import io.kinesisconnect.sink.delivery.RetryThread;
import io.kinesisconnect.sink.delivery.SummaryLog;
import io.kinesisconnect.sink.delivery.TaskStats;
import io.kinesisconnect.sink.write.KinesisRecordWriter;
import io.kinesisconnect.sink.write.KplSettings;
import io.kinesisconnect.sink.write.RecordWriters;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Kafka records to Kinesis: the lifecycle only. A record moves one way: {@link RecordMapper}
 * builds the Kinesis record, {@link BackPressure} admits it under the outstanding bounds (parking
 * and pausing when full), and {@link RecordDispatcher} writes it, re-sends it after transient
 * failures and tracks the offsets to commit. Records that will not be written go to the {@link
 * FailureReporter}.
 */
public class KinesisSinkTask extends SinkTask {

    /** Set by the connector in each task config: the task's index, for logs and JMX. */
    public static final String TASK_ID_CONFIG = "kinesis.task.id";

    private static final Logger log = LoggerFactory.getLogger(KinesisSinkTask.class);

    private final BiFunction<KinesisSinkConfig, String, KinesisRecordWriter> writerFactory;
    private KinesisSinkConfig config;
    private String taskName;
    private RecordMapper mapper;
    private KinesisRecordWriter writer;
    private RecordDispatcher dispatcher;
    private BackPressure backPressure;
    private FailureReporter failures;
    private SummaryLog summary;
    private MetricsRegistration metrics;

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
        config = new KinesisSinkConfig(props);
        Map<String, List<String>> problems =
                config.writer() == SinkWriter.KPL ? KplSettings.validate(props) : Map.of();
        if (!problems.isEmpty()) {
            throw new ConnectException("Invalid KPL settings: " + problems.values());
        }
        KplSettings.processListExposure(props)
                .ifPresent(w -> log.warn("Kinesis sink task config: {}", w));
        String connector = props.getOrDefault("name", "kinesis-sink");
        String taskId = props.getOrDefault(TASK_ID_CONFIG, "0");
        taskName = connector + "-" + taskId;
        TaskStats stats = new TaskStats();
        mapper = RecordMapper.from(config);
        writer = writerFactory.apply(config, taskName);
        stats.countFromWriter(writer::recordsMisplaced, writer::recordsResent);
        dispatcher =
                new RecordDispatcher(
                        writer,
                        new RetryThread(taskName),
                        config.maxOutstandingRecords(),
                        config.maxOutstandingBytes(),
                        config.maxRetries(),
                        new RetryBackoff(config.retryBackoff()),
                        stats);
        backPressure = new BackPressure(dispatcher, context, taskName, stats);
        ErrantRecordReporter reporter = context == null ? null : context.errantRecordReporter();
        failures =
                new FailureReporter(
                        dispatcher,
                        reporter,
                        config.tombstoneBehavior(),
                        config.flushTimeout(),
                        stats);
        summary = new SummaryLog(taskName, stats, config.summaryInterval());
        metrics = MetricsRegistration.register(connector, taskId, stats);
        log.info(
                "Started Kinesis sink task={} routing={} partition_key={} hash_key={}"
                        + " max_outstanding={} max_outstanding_bytes={} dlq={} kpl=[{}] in {} ms",
                taskName,
                config.streamRouting().configValue(),
                config.partitionKeySource().configValue(),
                config.hashKeySource().configValue(),
                config.maxOutstandingRecords(),
                config.maxOutstandingBytes(),
                reporter != null,
                KplSettings.describe(config),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        partitions.forEach(dispatcher::open);
        backPressure.opened(partitions);
        log.info("Opened task={} partitions={}", taskName, partitions);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        failures.reportAndThrowIfFailed();
        for (SinkRecord record : records) {
            accept(record);
        }
        backPressure.drain(config.putMaxWait());
        failures.reportAndThrowIfFailed();
        summary.maybeLog();
    }

    private void accept(SinkRecord record) {
        dispatcher.received(record);
        if (record.value() == null) {
            failures.tombstone(record);
            dispatcher.throwIfFailed();
            return;
        }
        try {
            backPressure.park(record, mapper.map(record));
        } catch (InvalidRecordException e) {
            failures.unwritable(record, e.getMessage());
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(
            Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        failures.report();
        backPressure.drain(Duration.ZERO);
        try {
            if (!dispatcher.awaitDone(currentOffsets.keySet(), config.flushTimeout())) {
                log.debug(
                        "Some records of task={} are still outstanding after {} ms; their"
                                + " offsets are not committed yet",
                        taskName,
                        config.flushTimeout().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failures.report();
        summary.maybeLog();
        return dispatcher.committable(currentOffsets.keySet());
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // preCommit does the flushing; it commits only what Kinesis acknowledged
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        int dropped = backPressure.closed(partitions);
        partitions.forEach(dispatcher::close);
        log.info(
                "Closed task={} partitions={} parked_records_dropped={}",
                taskName,
                partitions,
                dropped);
    }

    @Override
    public void stop() {
        long started = System.nanoTime();
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (writer != null) {
            writer.close();
        }
        if (mapper != null) {
            mapper.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (summary != null) {
            summary.maybeLog();
        }
        log.info(
                "Stopped Kinesis sink task={} in {} ms",
                taskName,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
