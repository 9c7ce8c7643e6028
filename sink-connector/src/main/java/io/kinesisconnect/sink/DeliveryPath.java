package io.kinesisconnect.sink;

import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.delivery.BackPressure;
import io.kinesisconnect.sink.delivery.FailureReporter;
import io.kinesisconnect.sink.delivery.MetricsRegistration;
import io.kinesisconnect.sink.delivery.RecordDispatcher;
import io.kinesisconnect.sink.delivery.RetryThread;
import io.kinesisconnect.sink.delivery.SummaryLog;
import io.kinesisconnect.sink.delivery.TaskStats;
import io.kinesisconnect.sink.record.InvalidRecordException;
import io.kinesisconnect.sink.write.KinesisRecordWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sink task's way from a Kafka record to Kinesis, built and closed as one. A record moves one
 * way: {@link RecordMapper} builds the Kinesis record, {@link BackPressure} admits it under the
 * outstanding bounds (parking and pausing when full), and {@link RecordDispatcher} writes it,
 * re-sends it after transient failures and tracks the offsets to commit. Records that will not be
 * written go to the {@link FailureReporter}, which is also where a failed task's error surfaces.
 */
final class DeliveryPath implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPath.class);

    private final KinesisSinkConfig config;
    private final TaskName name;
    private final RecordMapper mapper;
    private final KinesisRecordWriter writer;
    private final RecordDispatcher dispatcher;
    private final BackPressure backPressure;
    private final FailureReporter failures;
    private final SummaryLog summary;
    private final MetricsRegistration metrics;

    private DeliveryPath(
            KinesisSinkConfig config,
            TaskName name,
            RecordMapper mapper,
            KinesisRecordWriter writer,
            SinkTaskContext context,
            TaskStats stats) {
        this.config = config;
        this.name = name;
        this.mapper = mapper;
        this.writer = writer;
        stats.countFromWriter(writer::recordsMisplaced, writer::recordsResent);
        dispatcher =
                new RecordDispatcher(
                        writer,
                        new RetryThread(name.full()),
                        config.maxOutstandingRecords(),
                        config.maxOutstandingBytes(),
                        config.maxRetries(),
                        config.retryBackoffPolicy(),
                        stats);
        backPressure = new BackPressure(dispatcher, context, name.full(), stats);
        failures =
                new FailureReporter(
                        dispatcher,
                        errantRecordReporter(context),
                        config.tombstoneBehavior(),
                        config.flushTimeout(),
                        stats);
        summary = new SummaryLog(name.full(), stats, config.summaryInterval());
        metrics = MetricsRegistration.register(name.connector(), name.taskId(), stats);
    }

    /**
     * Builds every part; the writer is the only one that talks to Kinesis. If a part cannot be
     * built, the ones already built are closed, so a failed start leaves no KPL child or thread.
     */
    static DeliveryPath build(
            KinesisSinkConfig config,
            SinkTaskContext context,
            TaskName name,
            BiFunction<KinesisSinkConfig, String, KinesisRecordWriter> writers) {
        RecordMapper mapper = RecordMapper.from(config);
        KinesisRecordWriter writer = null;
        try {
            writer = writers.apply(config, name.full());
            return new DeliveryPath(config, name, mapper, writer, context, new TaskStats());
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.close();
            }
            mapper.close();
            throw e;
        }
    }

    /** Whether failed records have a dead-letter queue, for the start-up log line. */
    static boolean hasDeadLetterQueue(SinkTaskContext context) {
        return errantRecordReporter(context) != null;
    }

    private static ErrantRecordReporter errantRecordReporter(SinkTaskContext context) {
        return context == null ? null : context.errantRecordReporter();
    }

    void open(Collection<TopicPartition> partitions) {
        partitions.forEach(dispatcher::open);
        backPressure.opened(partitions);
    }

    /** Forgets the partitions; returns how many parked records were dropped with them. */
    int close(Collection<TopicPartition> partitions) {
        int dropped = backPressure.closed(partitions);
        partitions.forEach(dispatcher::close);
        return dropped;
    }

    /**
     * Takes a batch from Connect. It throws the task's failure, if there is one, before and after,
     * so that Connect stops the task at the first put that can tell.
     */
    void put(Collection<SinkRecord> records) {
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

    /**
     * Waits up to the flush timeout for what is outstanding, then returns only offsets whose
     * records, and every record before them, Kinesis acknowledged.
     */
    Map<TopicPartition, OffsetAndMetadata> committable(Set<TopicPartition> partitions) {
        failures.report();
        backPressure.drain(Duration.ZERO);
        try {
            if (!dispatcher.awaitDone(partitions, config.flushTimeout())) {
                log.debug(
                        "Some records of task={} are still outstanding after {} ms; their"
                                + " offsets are not committed yet",
                        name,
                        config.flushTimeout().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failures.report();
        summary.maybeLog();
        return dispatcher.committable(partitions);
    }

    @Override
    public void close() {
        dispatcher.close();
        writer.close();
        mapper.close();
        metrics.close();
        summary.maybeLog();
    }
}
