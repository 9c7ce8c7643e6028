package io.kinesisconnect.source;

import io.kinesisconnect.common.ProjectVersion;
import io.kinesisconnect.common.aws.AwsClientFactory;
import io.kinesisconnect.common.keys.ConnectKeys;
import io.kinesisconnect.common.metrics.MBeanRegistrar;
import io.kinesisconnect.source.efo.EfoConsumers;
import io.kinesisconnect.source.efo.EfoRegistration;
import io.kinesisconnect.source.efo.ReaderType;
import io.kinesisconnect.source.efo.TaskConsumerArns;
import io.kinesisconnect.source.kinesis.FanOutProxy;
import io.kinesisconnect.source.kinesis.IteratorPosition;
import io.kinesisconnect.source.kinesis.SdkFanOutProxy;
import io.kinesisconnect.source.kinesis.SdkStreamProxy;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.kinesis.StreamProxy;
import io.kinesisconnect.source.metrics.SourceTaskMetrics;
import io.kinesisconnect.source.offset.OffsetMarkers;
import io.kinesisconnect.source.offset.ShardOffset;
import io.kinesisconnect.source.offset.SourceOffsets;
import io.kinesisconnect.source.offset.StartupMarker;
import io.kinesisconnect.source.record.Deaggregator;
import io.kinesisconnect.source.record.RecordConverter;
import io.kinesisconnect.source.shard.ConsumerArns;
import io.kinesisconnect.source.shard.FanOutSettings;
import io.kinesisconnect.source.shard.FanOutShardReader;
import io.kinesisconnect.source.shard.FirstFailure;
import io.kinesisconnect.source.shard.OffsetParentGate;
import io.kinesisconnect.source.shard.ParentGate;
import io.kinesisconnect.source.shard.ReaderContext;
import io.kinesisconnect.source.shard.ReaderSettings;
import io.kinesisconnect.source.shard.ReaderStats;
import io.kinesisconnect.source.shard.RecordBuffer;
import io.kinesisconnect.source.shard.ShardReader;
import io.kinesisconnect.source.shard.ShardReaderPool;
import io.kinesisconnect.source.shard.SteppedReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thin lifecycle over the shard readers: start them from the committed offsets, hand their
 * buffered records to Connect in {@link #poll()}, rethrow the first reader failure, stop quickly.
 */
public class KinesisSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(KinesisSourceTask.class);
    private static final Duration POLL_WAIT = Duration.ofMillis(500);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(4);

    private final FirstFailure failure = new FirstFailure();
    private ReaderStats stats;
    private SourceTaskMetrics metrics;
    private String name;
    private KinesisSourceTaskConfig config;
    private StreamProxy proxy;
    private FanOutProxy fanOut;
    private RecordBuffer buffer;
    private ShardReaderPool pool;
    private ParentGate gate;
    private TaskSummary summary;
    private Optional<StartupMarker> startupMarker = Optional.empty();

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        long started = System.nanoTime();
        config = new KinesisSourceTaskConfig(props);
        name = props.getOrDefault("name", "kinesis-source") + "-task";
        proxy = new SdkStreamProxy(AwsClientFactory.kinesisClient(config.aws()));
        buffer = new RecordBuffer(config.bufferCapacity());
        metrics =
                new SourceTaskMetrics(
                        props.getOrDefault("name", "kinesis-source"),
                        config.taskId(),
                        buffer::size,
                        config.bufferCapacity(),
                        MBeanRegistrar.platform(),
                        System::nanoTime);
        stats = new ReaderStats(metrics);
        OffsetStorageReader offsets = context.offsetStorageReader();
        List<ShardRef> shards = config.shards();
        Map<Map<String, String>, Map<String, Object>> stored = storedOffsets(offsets, shards);
        gate =
                new OffsetParentGate(
                        proxy,
                        OffsetParentGate.fromOffsetMaps(offsets::offset),
                        Duration.ofSeconds(10),
                        System::nanoTime);
        ReaderSettings settings =
                config.readerSettings(props.getOrDefault("name", "kinesis-source"));
        ReaderContext context =
                new ReaderContext(
                        proxy,
                        new Deaggregator(config.deaggregate()),
                        new RecordConverter(
                                config.routes(), config.valuesAsStrings(), config.headers()),
                        buffer,
                        gate,
                        settings,
                        stats,
                        System::nanoTime);
        startupMarker = startupMarker(offsets, settings);
        IteratorPosition initialPosition =
                startupMarker
                        .<IteratorPosition>map(m -> new IteratorPosition.AtTimestamp(m.start()))
                        .orElseGet(config::initialPosition);
        ReaderFactory factory = readerFactory(context, initialPosition, props);
        List<SteppedReader> readers = new ArrayList<>();
        for (ShardRef shard : shards) {
            Optional<ShardOffset> offset =
                    SourceOffsets.readOffset(stored.get(SourceOffsets.partition(shard)));
            readers.add(factory.create(shard, offset));
        }
        // <connector>-<task id>, as the sink's line: `name` ("<connector>-task") is every task's.
        String task =
                props.getOrDefault(ConnectKeys.NAME, "kinesis-source") + "-" + config.taskId();
        summary = new TaskSummary(task, config.summaryInterval(), stats, buffer);
        pool = new ShardReaderPool(name, config.readerThreads(), failure);
        metrics.register(
                readers.stream().filter(r -> !r.isDone()).map(SteppedReader::shard).toList());
        pool.start(readers);
        log.info(
                "Started task={} shards={} reader={} startPosition={} in {} ms",
                name,
                shards.size(),
                config.efo().readerType().configValue(),
                initialPosition,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Polling readers, or enhanced fan-out readers once the streams' consumers are ACTIVE. */
    private ReaderFactory readerFactory(
            ReaderContext context, IteratorPosition initialPosition, Map<String, String> props) {
        if (config.efo().readerType() == ReaderType.POLLING) {
            return (shard, offset) -> new ShardReader(shard, offset, initialPosition, context);
        }
        String consumerName =
                config.efo().consumerName(props.getOrDefault("name", "kinesis-source"));
        ConsumerArns consumerArns = consumerArns(consumerName);
        fanOut = new SdkFanOutProxy(AwsClientFactory.kinesisAsyncClient(config.aws()));
        FanOutSettings fanOutSettings =
                new FanOutSettings(
                        config.efo().subscriptionMaxAge(),
                        Duration.ofSeconds(1),
                        config.discoveryInterval());
        return (shard, offset) ->
                new FanOutShardReader(
                        shard,
                        offset,
                        initialPosition,
                        context,
                        fanOut,
                        consumerArns,
                        fanOutSettings);
    }

    /** Looked up now, and again by a reader whose consumer was deregistered meanwhile. */
    private ConsumerArns consumerArns(String consumerName) {
        EfoRegistration registration = config.efo().registration();
        return new TaskConsumerArns(
                EfoConsumers.activeArns(config.aws(), config.streams(), consumerName, registration),
                stream ->
                        EfoConsumers.activeArns(
                                        config.aws(), List.of(stream), consumerName, registration)
                                .get(stream));
    }

    /** Makes the reader of one shard, of the configured type. */
    @FunctionalInterface
    private interface ReaderFactory {
        SteppedReader create(ShardRef shard, Optional<ShardOffset> stored);
    }

    private static Map<Map<String, String>, Map<String, Object>> storedOffsets(
            OffsetStorageReader offsets, Collection<ShardRef> shards) {
        List<Map<String, String>> partitions =
                shards.stream().map(SourceOffsets::partition).toList();
        return offsets.offsets(partitions);
    }

    /**
     * In latest mode, the instant "latest" means and the marker that keeps it across restarts: the
     * first poll returns the marker, unless it is already stored.
     */
    private Optional<StartupMarker> startupMarker(
            OffsetStorageReader offsets, ReaderSettings settings) {
        if (!config.startsAtResolvedLatest()) {
            return Optional.empty();
        }
        Instant configured =
                Instant.ofEpochMilli(
                        config.getLong(KinesisSourceTaskConfig.TASK_START_MILLIS_CONFIG));
        return Optional.of(
                StartupMarker.forLatest(
                        offsets,
                        configured,
                        settings.markerTopic(),
                        settings.connectorName(),
                        System::currentTimeMillis));
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        failure.throwIfFailed();
        summary.maybeLog();
        List<SourceRecord> marker = startupMarker.map(StartupMarker::takePending).orElse(List.of());
        if (!marker.isEmpty()) {
            // Alone and at once, even while Kinesis has nothing: with exactly-once support the
            // marker is then committed in the task's first transaction.
            return marker;
        }
        List<SourceRecord> records = buffer.drain(config.pollBatch(), POLL_WAIT);
        if (log.isTraceEnabled()) {
            records.forEach(
                    r ->
                            log.trace(
                                    "Emitting partition={} offset={} topic={}",
                                    r.sourcePartition(),
                                    r.sourceOffset(),
                                    r.topic()));
        }
        return records.isEmpty() ? null : records;
    }

    /**
     * Kafka acknowledged {@code record}, or with exactly-once support committed its transaction; a
     * null {@code metadata} means a transform dropped it, whose offset Connect commits all the
     * same. A shard-finished marker here lets this task's children of that shard start: see {@link
     * ParentGate#endRecorded} for why not earlier.
     */
    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        if (gate != null) {
            OffsetMarkers.finishedShard(record).ifPresent(gate::endRecorded);
        }
    }

    /**
     * Connect calls this after it committed offsets: after each transaction on a worker with
     * exactly-once support, after each offset flush otherwise.
     */
    @Override
    public void commit() {
        try {
            startupMarker
                    .filter(marker -> !marker.isDurable())
                    .ifPresent(marker -> marker.checkDurable(context.offsetStorageReader()));
        } catch (RuntimeException e) {
            // Only the report is lost: the next commit checks again.
            log.warn("task={} could not read its startup marker back: {}", name, e.toString());
        }
    }

    @Override
    public void stop() {
        long started = System.nanoTime();
        if (metrics != null) {
            metrics.close(); // first, so that no later failure here can leave beans behind
        }
        if (pool != null) {
            pool.close(STOP_TIMEOUT);
        }
        closeQuietly(fanOut);
        closeQuietly(proxy);
        log.info(
                "Stopped task={} in {} ms",
                name,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static void closeQuietly(AutoCloseable client) {
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                log.warn("Closing the Kinesis client failed: {}", e.toString());
            }
        }
    }
}
