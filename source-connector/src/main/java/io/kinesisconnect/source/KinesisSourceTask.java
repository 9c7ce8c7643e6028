package io.kinesisconnect.source;

import io.kinesisconnect.common.ProjectVersion;
import io.kinesisconnect.common.aws.AwsClientFactory;
import io.kinesisconnect.source.kinesis.SdkStreamProxy;
import io.kinesisconnect.source.kinesis.StreamProxy;
import io.kinesisconnect.source.offset.OffsetMarkers;
import io.kinesisconnect.source.offset.ShardOffset;
import io.kinesisconnect.source.offset.SourceOffsets;
import io.kinesisconnect.source.record.Deaggregator;
import io.kinesisconnect.source.record.RecordConverter;
import io.kinesisconnect.source.shard.FirstFailure;
import io.kinesisconnect.source.shard.OffsetParentGate;
import io.kinesisconnect.source.shard.ParentGate;
import io.kinesisconnect.source.shard.ReaderContext;
import io.kinesisconnect.source.shard.ReaderSettings;
import io.kinesisconnect.source.shard.ReaderStats;
import io.kinesisconnect.source.shard.RecordBuffer;
import io.kinesisconnect.source.shard.ShardReader;
import io.kinesisconnect.source.shard.ShardReaderPool;
import io.kinesisconnect.source.shard.ShardRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final ReaderStats stats = new ReaderStats();
    private String name;
    private KinesisSourceTaskConfig config;
    private StreamProxy proxy;
    private RecordBuffer buffer;
    private ShardReaderPool pool;
    private TaskSummary summary;
    private List<SourceRecord> startupMarker = List.of();

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
        OffsetStorageReader offsets = context.offsetStorageReader();
        List<ShardRef> shards = config.shards();
        Map<Map<String, String>, Map<String, Object>> stored = storedOffsets(offsets, shards);
        ParentGate gate =
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
        List<ShardReader> readers = new ArrayList<>();
        for (ShardRef shard : shards) {
            Optional<ShardOffset> offset =
                    SourceOffsets.readOffset(stored.get(SourceOffsets.partition(shard)));
            readers.add(new ShardReader(shard, offset, config.initialPosition(), context));
        }
        startupMarker = startupMarker(offsets, settings);
        summary = new TaskSummary(name, config.summaryInterval(), stats, buffer);
        pool = new ShardReaderPool(name, config.readerThreads(), failure);
        pool.start(readers);
        log.info(
                "Started task={} shards={} startPosition={} in {} ms",
                name,
                shards.size(),
                config.initialPosition(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static Map<Map<String, String>, Map<String, Object>> storedOffsets(
            OffsetStorageReader offsets, Collection<ShardRef> shards) {
        List<Map<String, String>> partitions =
                shards.stream().map(SourceOffsets::partition).toList();
        return offsets.offsets(partitions);
    }

    /**
     * In latest mode, the first poll records the instant "latest" was resolved to, unless it is
     * already stored, so a connector restart keeps the same start.
     */
    private List<SourceRecord> startupMarker(OffsetStorageReader offsets, ReaderSettings settings) {
        if (!config.startsAtResolvedLatest()) {
            return List.of();
        }
        if (offsets.offset(OffsetMarkers.STARTUP_PARTITION) != null) {
            return List.of();
        }
        long start = config.getLong(KinesisSourceTaskConfig.TASK_START_MILLIS_CONFIG);
        return List.of(
                OffsetMarkers.startup(
                        settings.markerTopic(),
                        settings.connectorName(),
                        Instant.ofEpochMilli(start)));
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        failure.throwIfFailed();
        summary.maybeLog();
        if (!startupMarker.isEmpty()) {
            List<SourceRecord> marker = startupMarker;
            startupMarker = List.of();
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

    @Override
    public void stop() {
        long started = System.nanoTime();
        if (pool != null) {
            pool.close(STOP_TIMEOUT);
        }
        if (proxy != null) {
            try {
                proxy.close();
            } catch (RuntimeException e) {
                log.warn("Closing the Kinesis client failed: {}", e.toString());
            }
        }
        log.info(
                "Stopped task={} in {} ms",
                name,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
