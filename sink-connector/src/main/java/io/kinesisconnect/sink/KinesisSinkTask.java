package io.kinesisconnect.sink;

import io.kinesisconnect.common.ProjectVersion;
import io.kinesisconnect.common.aws.AwsCredentialsFactory;
import io.kinesisconnect.sink.delivery.MetricsRegistration;
import io.kinesisconnect.sink.delivery.PermanentFailure;
import io.kinesisconnect.sink.delivery.RecordDispatcher;
import io.kinesisconnect.sink.delivery.Records;
import io.kinesisconnect.sink.delivery.RetryBackoff;
import io.kinesisconnect.sink.delivery.SummaryLog;
import io.kinesisconnect.sink.delivery.TaskStats;
import io.kinesisconnect.sink.write.KinesisRecord;
import io.kinesisconnect.sink.write.KinesisRecordWriter;
import io.kinesisconnect.sink.write.KplRecordWriter;
import io.kinesisconnect.sink.write.KplSettings;
import io.kinesisconnect.sink.write.sdk.SdkRecordWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.producer.KinesisProducer;
import software.amazon.kinesis.producer.KinesisProducerConfiguration;

/**
 * Writes Kafka records to Kinesis through one KPL producer. A thin lifecycle: {@link RecordMapper}
 * builds each Kinesis record, {@link RecordDispatcher} sends it and tracks it to its end, and
 * preCommit hands back only offsets whose records are all done.
 */
public class KinesisSinkTask extends SinkTask {

    /** Set by the connector in each task config: the task's index, for logs and JMX. */
    public static final String TASK_ID_CONFIG = "kinesis.task.id";

    private static final Logger log = LoggerFactory.getLogger(KinesisSinkTask.class);
    private static final Duration PAUSED_POLL = Duration.ofMillis(100);

    private final Function<KinesisSinkConfig, KinesisRecordWriter> writerFactory;
    private KinesisSinkConfig config;
    private RecordMapper mapper;
    private KinesisRecordWriter writer;
    private ScheduledExecutorService retryThread;
    private RecordDispatcher dispatcher;
    private TaskStats stats;
    private SummaryLog summary;
    private MetricsRegistration metrics;
    private ErrantRecordReporter reporter;
    private String taskName;
    private final Deque<Prepared> backlog = new ArrayDeque<>();
    private boolean paused;
    private ConnectException failure;

    public KinesisSinkTask() {
        this(KinesisSinkTask::configuredWriter);
    }

    KinesisSinkTask(Function<KinesisSinkConfig, KinesisRecordWriter> writerFactory) {
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
        taskName =
                props.getOrDefault("name", "kinesis-sink")
                        + "-"
                        + props.getOrDefault(TASK_ID_CONFIG, "0");
        stats = new TaskStats();
        mapper = RecordMapper.from(config);
        writer = writerFactory.apply(config);
        retryThread =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "kinesis-sink-retry-" + taskName);
                            t.setDaemon(true);
                            return t;
                        });
        dispatcher =
                new RecordDispatcher(
                        writer,
                        this::scheduleRetry,
                        config.maxOutstandingRecords(),
                        config.maxRetries(),
                        new RetryBackoff(config.retryBackoff()),
                        stats);
        summary = new SummaryLog(taskName, stats, config.summaryInterval());
        metrics =
                MetricsRegistration.register(
                        props.getOrDefault("name", "kinesis-sink"),
                        props.getOrDefault(TASK_ID_CONFIG, "0"),
                        stats);
        reporter = context == null ? null : context.errantRecordReporter();
        log.info(
                "Started Kinesis sink task={} routing={} partition_key={} hash_key={}"
                        + " max_outstanding={} dlq={} kpl=[{}] in {} ms",
                taskName,
                config.streamRouting().configValue(),
                config.partitionKeySource().configValue(),
                config.hashKeySource().configValue(),
                config.maxOutstandingRecords(),
                reporter != null,
                KplSettings.describe(config),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private void scheduleRetry(Runnable resend, Duration delay) {
        try {
            retryThread.schedule(resend, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the task is stopping: the record stays uncommitted and is written by the next owner
            log.debug("Re-send not scheduled, task={} is stopping", taskName);
        }
    }

    /** The writer that {@code kinesis.writer} names. */
    static KinesisRecordWriter configuredWriter(KinesisSinkConfig config) {
        if (config.writer() == SinkWriter.SDK) {
            Map<String, Object> props = config.originals();
            return SdkRecordWriter.create(
                    config,
                    props.getOrDefault("name", "kinesis-sink")
                            + "-"
                            + props.getOrDefault(TASK_ID_CONFIG, "0"));
        }
        return kplWriter(config);
    }

    static KinesisRecordWriter kplWriter(KinesisSinkConfig config) {
        KinesisProducerConfiguration kpl =
                KplSettings.producerConfiguration(
                        config, AwsCredentialsFactory.create(config.aws()));
        return new KplRecordWriter(() -> new KinesisProducer(kpl));
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        partitions.forEach(dispatcher::open);
        log.info("Opened task={} partitions={}", taskName, partitions);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        throwIfFailed();
        report(dispatcher.drainPermanentFailures());
        throwIfFailed();
        for (SinkRecord record : records) {
            accept(record);
        }
        drainBacklog(config.putMaxWait());
        report(dispatcher.drainPermanentFailures());
        throwIfFailed();
        summary.maybeLog();
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
        dispatcher.throwIfFailed();
    }

    private void accept(SinkRecord record) {
        dispatcher.received(record);
        if (record.value() == null) {
            tombstone(record);
            return;
        }
        try {
            backlog.add(new Prepared(record, mapper.map(record)));
        } catch (InvalidRecordException e) {
            dispatcher.failPermanently(record, e.getMessage());
        }
    }

    private void tombstone(SinkRecord record) {
        switch (config.tombstoneBehavior()) {
            case SKIP -> {
                stats.skipped();
                dispatcher.done(record);
            }
            case DLQ ->
                    dispatcher.failPermanently(
                            record,
                            "the value is null (a tombstone) and "
                                    + KinesisSinkConfig.TOMBSTONE_CONFIG
                                    + " is dlq");
            default ->
                    throw new ConnectException(
                            "Record "
                                    + Records.describe(record)
                                    + " has a null value (a tombstone) and "
                                    + KinesisSinkConfig.TOMBSTONE_CONFIG
                                    + " is fail; set it to skip or dlq to let tombstones pass");
        }
    }

    /** Submits parked records while there is room; parks the rest and pauses when there is none. */
    private void drainBacklog(Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            while (!backlog.isEmpty()) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                if (!dispatcher.awaitCapacity(left)) {
                    break;
                }
                Prepared next = backlog.poll();
                dispatcher.submit(next.source(), next.record());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for room to write", e);
        }
        updatePause();
    }

    private void updatePause() {
        Set<TopicPartition> assigned = context == null ? Set.of() : context.assignment();
        if (!backlog.isEmpty()) {
            if (!paused) {
                log.info(
                        "Pausing task={}: {} records outstanding, {} parked; the endpoint is slow"
                                + " or unreachable",
                        taskName,
                        dispatcher.outstanding(),
                        backlog.size());
                context.pause(assigned.toArray(TopicPartition[]::new));
                paused = true;
            }
            // come back soon to submit parked records, even though no new ones arrive
            context.timeout(PAUSED_POLL.toMillis());
        } else if (paused) {
            context.resume(assigned.toArray(TopicPartition[]::new));
            paused = false;
            log.info("Resumed task={} outstanding={}", taskName, dispatcher.outstanding());
        }
    }

    /** Hands permanently failed records to the errant record reporter, or fails the task. */
    private void report(List<PermanentFailure> failures) {
        for (PermanentFailure f : failures) {
            if (failure != null) {
                return;
            }
            stats.failed();
            String what =
                    "Record " + Records.describe(f.record()) + " cannot be written: " + f.reason();
            if (reporter == null) {
                failure =
                        new ConnectException(
                                what
                                        + ". To send such records to a dead-letter queue instead,"
                                        + " set errors.tolerance=all and"
                                        + " errors.deadletterqueue.topic.name");
                return;
            }
            try {
                reporter.report(f.record(), new InvalidRecordException(what))
                        .get(config.flushTimeout().toMillis(), TimeUnit.MILLISECONDS);
                dispatcher.done(f);
                log.warn("Sent to the errant record reporter: {}", what);
            } catch (ConnectException e) {
                failure = new ConnectException(what, e);
            } catch (ExecutionException | TimeoutException e) {
                failure = new ConnectException(what + "; reporting it failed too", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new ConnectException(what + "; interrupted while reporting it", e);
            }
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(
            Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        report(dispatcher.drainPermanentFailures());
        drainBacklog(Duration.ZERO);
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
        report(dispatcher.drainPermanentFailures());
        summary.maybeLog();
        return dispatcher.committable(currentOffsets.keySet());
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // preCommit does the flushing; it commits only what Kinesis acknowledged
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        Set<TopicPartition> closing = new HashSet<>(partitions);
        int dropped = backlog.size();
        backlog.removeIf(p -> closing.contains(Records.partitionOf(p.source())));
        partitions.forEach(dispatcher::close);
        log.info(
                "Closed task={} partitions={} parked_records_dropped={}",
                taskName,
                partitions,
                dropped - backlog.size());
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
        if (retryThread != null) {
            retryThread.shutdownNow();
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

    private record Prepared(SinkRecord source, KinesisRecord record) {}
}
