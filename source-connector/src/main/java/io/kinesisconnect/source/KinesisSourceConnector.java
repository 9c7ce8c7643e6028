package io.kinesisconnect.source;

import io.kinesisconnect.common.ProjectVersion;
import io.kinesisconnect.common.aws.AwsClientFactory;
import io.kinesisconnect.common.aws.StreamExistence;
import io.kinesisconnect.common.aws.StreamVerdict;
import io.kinesisconnect.common.config.ConfigErrors;
import io.kinesisconnect.common.connect.BadRequests;
import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.source.efo.EfoConfigFragment;
import io.kinesisconnect.source.efo.EfoConsumers;
import io.kinesisconnect.source.efo.EfoValidation;
import io.kinesisconnect.source.efo.ReaderType;
import io.kinesisconnect.source.kinesis.SdkStreamProxy;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.kinesis.StreamProxy;
import io.kinesisconnect.source.offset.OffsetMarkers;
import io.kinesisconnect.source.offset.SourceOffsets;
import io.kinesisconnect.source.shard.ShardAssignor;
import io.kinesisconnect.source.shard.ShardMonitor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kinesis → Kafka. The connector only wires: it resolves where new shards start, watches the shard
 * set, and spreads the shards over tasks; {@link KinesisSourceTask} does the reading.
 */
public class KinesisSourceConnector extends SourceConnector {

    private static final Logger log = LoggerFactory.getLogger(KinesisSourceConnector.class);

    private Map<String, String> props;
    private KinesisSourceConfig config;
    private StreamProxy proxy;
    private ShardMonitor monitor;
    private long startMillis;

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        config = new KinesisSourceConfig(props);
        Map<String, List<String>> errors = config.validate();
        if (!errors.isEmpty()) {
            throw new ConnectException("Invalid configuration: " + errors);
        }
        proxy = new SdkStreamProxy(AwsClientFactory.kinesisClient(config.aws()));
        prepareConsumers();
        OffsetStorageReader offsets = context().offsetStorageReader();
        startMillis = resolveStart(offsets);
        monitor =
                new ShardMonitor(
                        proxy,
                        config.streams(),
                        closed -> finishedAmong(offsets, closed),
                        config.discoveryInterval(),
                        context::requestTaskReconfiguration);
        monitor.start();
        log.info(
                "Started connector={} streams={} startup={} start={}",
                props.get("name"),
                config.streams(),
                config.startupMode().configValue(),
                startMillis == KinesisSourceTaskConfig.FROM_TRIM_HORIZON
                        ? "trim horizon"
                        : Instant.ofEpochMilli(startMillis));
    }

    /**
     * With enhanced fan-out, registers the streams' consumers if needed (eager) or checks that they
     * exist (self-managed), so a missing one fails the connector rather than every task.
     */
    private void prepareConsumers() {
        EfoConfigFragment efo = config.efo();
        if (efo.readerType() != ReaderType.EFO) {
            return;
        }
        String consumer = efo.consumerName(props.get("name"));
        Map<String, String> arns =
                EfoConsumers.activeArns(
                        config.aws(), config.streams(), consumer, efo.registration());
        log.info(
                "EFO consumer={} registration={} ACTIVE on {}",
                consumer,
                efo.registration().configValue(),
                arns.keySet());
    }

    /**
     * Where shards without an offset start, as epoch millis or {@link
     * KinesisSourceTaskConfig#FROM_TRIM_HORIZON}. "latest" becomes the instant the connector first
     * started, kept in the offsets by the tasks' startup marker, so a restart before the first
     * record is read does not skip records written meanwhile.
     *
     * <p>A connector cannot store anything itself: until a task's marker is committed (the first
     * transaction with exactly-once support, else the first offset flush), a restart resolves
     * "latest" anew. The tasks log when their marker is durable.
     */
    private long resolveStart(OffsetStorageReader offsets) {
        switch (config.startupMode()) {
            case EARLIEST:
                return KinesisSourceTaskConfig.FROM_TRIM_HORIZON;
            case DATE:
                return config.startupDate().orElseThrow().toEpochMilli();
            default:
                Map<String, Object> stored = offsets.offset(OffsetMarkers.STARTUP_PARTITION);
                Optional<Instant> kept =
                        OffsetMarkers.readStartup(OffsetMarkers.STARTUP_PARTITION, stored);
                if (kept.isEmpty()) {
                    log.info(
                            "connector={} resolves latest to now; it is kept across restarts once"
                                    + " a task's startup marker is committed",
                            props.get("name"));
                }
                return kept.orElseGet(Instant::now).toEpochMilli();
        }
    }

    private static Set<ShardRef> finishedAmong(
            OffsetStorageReader offsets, Collection<ShardRef> shards) {
        List<Map<String, String>> partitions =
                shards.stream().map(SourceOffsets::partition).toList();
        Map<Map<String, String>, Map<String, Object>> stored = offsets.offsets(partitions);
        Set<ShardRef> finished = new HashSet<>();
        for (ShardRef shard : shards) {
            try {
                SourceOffsets.readOffset(stored.get(SourceOffsets.partition(shard)))
                        .filter(offset -> offset.finished())
                        .ifPresent(offset -> finished.add(shard));
            } catch (IllegalArgumentException e) {
                log.warn("Ignoring unreadable offset of shard={}: {}", shard, e.getMessage());
            }
        }
        return finished;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return KinesisSourceTask.class;
    }

    /**
     * One config per group of shards.
     *
     * <p>Example: streams a (3 shards) and b (2 shards) with tasks.max=2 give two tasks, the first
     * with a/0, a/2, b/1 and the second with a/1, b/0; tasks.max=8 gives five tasks of one shard.
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<List<ShardRef>> groups = ShardAssignor.assign(monitor.shards(), maxTasks);
        List<Map<String, String>> configs = new ArrayList<>(groups.size());
        for (List<ShardRef> group : groups) {
            Map<String, String> task = new HashMap<>(props);
            task.put(
                    KinesisSourceTaskConfig.TASK_SHARDS_CONFIG,
                    group.stream().map(ShardRef::toString).collect(Collectors.joining(",")));
            task.put(KinesisSourceTaskConfig.TASK_START_MILLIS_CONFIG, Long.toString(startMillis));
            task.put(KinesisSourceTaskConfig.TASK_ID_CONFIG, Integer.toString(configs.size()));
            configs.add(task);
        }
        log.info(
                "Assigned {} shards to {} tasks (tasks.max={})",
                monitor.shards().size(),
                configs.size(),
                maxTasks);
        return configs;
    }

    @Override
    public void stop() {
        if (monitor != null) {
            monitor.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        log.info("Stopped connector={}", props == null ? null : props.get("name"));
    }

    @Override
    public ConfigDef config() {
        return KinesisSourceConfig.CONFIG_DEF;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        boolean fieldsValid =
                result.configValues().stream().allMatch(v -> v.errorMessages().isEmpty());
        if (!fieldsValid) {
            return result;
        }
        KinesisSourceConfig parsed = new KinesisSourceConfig(connectorConfigs);
        Map<String, List<String>> errors = new HashMap<>(parsed.validate());
        if (errors.isEmpty()) {
            checkStreamsExist(connectorConfigs, parsed, errors);
        }
        if (errors.isEmpty() && parsed.efo().readerType() == ReaderType.EFO) {
            checkFanOut(connectorConfigs, parsed, errors);
        }
        for (Map.Entry<String, List<String>> entry : errors.entrySet()) {
            ConfigValue value = find(result, entry.getKey());
            entry.getValue().forEach(value::addErrorMessage);
        }
        return result;
    }

    /**
     * Asks Kinesis whether the streams exist: missing streams are errors on kinesis.streams,
     * rejected credentials or settings that cannot build a client on the credentials key, and an
     * endpoint that cannot be reached skips the check with a warning.
     */
    private static void checkStreamsExist(
            Map<String, String> props,
            KinesisSourceConfig parsed,
            Map<String, List<String>> errors) {
        StreamVerdict verdict =
                StreamExistence.check(
                        props, c -> new KinesisSourceConfig(c).aws(), parsed.streams());
        if (verdict instanceof StreamVerdict.CredentialsRejected rejected) {
            ConfigErrors.add(errors, AwsKeys.CREDENTIALS_PROVIDER, rejected.message());
        } else if (verdict instanceof StreamVerdict.Checked checked
                && !checked.missing().isEmpty()) {
            ConfigErrors.add(
                    errors,
                    KinesisSourceConfig.STREAMS_CONFIG,
                    "Stream(s) "
                            + checked.missing()
                            + " do not exist at "
                            + StreamExistence.where(parsed.aws())
                            + "; create them or fix kinesis.streams / aws.region");
        }
    }

    private static void checkFanOut(
            Map<String, String> props,
            KinesisSourceConfig parsed,
            Map<String, List<String>> errors) {
        try {
            EfoValidation.check(
                            parsed.aws(),
                            parsed.streams(),
                            parsed.efo().consumerName(props.get("name")),
                            parsed.efo().registration())
                    .forEach(
                            (key, messages) ->
                                    messages.forEach(m -> ConfigErrors.add(errors, key, m)));
        } catch (RuntimeException e) {
            ConfigErrors.add(
                    errors,
                    EfoConfigFragment.CONSUMER_NAME_CONFIG,
                    "Cannot check the EFO consumer: " + e.getMessage());
        }
    }

    private static ConfigValue find(Config result, String key) {
        for (ConfigValue value : result.configValues()) {
            if (value.name().equals(key)) {
                return value;
            }
        }
        ConfigValue added = new ConfigValue(key);
        result.configValues().add(added);
        return added;
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        // Offsets identify every user record exactly and reading resumes right after them, so
        // Connect's transactional offset commits make delivery exactly once.
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Validates offsets a user supplies through {@code PATCH /connectors/{name}/offsets}; a bad one
     * is answered with 400 and a message naming the key, the value and what is accepted. A null
     * offset resets a shard to the startup position.
     */
    @Override
    public boolean alterOffsets(
            Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
            try {
                if (OffsetMarkers.isStartupPartition(entry.getKey())) {
                    OffsetMarkers.readStartup(entry.getKey(), entry.getValue());
                } else {
                    SourceOffsets.readPartition(entry.getKey());
                    SourceOffsets.readOffset(entry.getValue());
                }
            } catch (IllegalArgumentException e) {
                throw BadRequests.of(e.getMessage());
            }
        }
        return true;
    }
}
