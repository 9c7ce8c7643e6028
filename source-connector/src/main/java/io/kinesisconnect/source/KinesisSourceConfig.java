package io.kinesisconnect.source;

import io.kinesisconnect.common.aws.AwsConfigFragment;
import io.kinesisconnect.common.aws.KinesisNames;
import io.kinesisconnect.common.config.ConfigChoices;
import io.kinesisconnect.common.config.ConfigErrors;
import io.kinesisconnect.common.config.SummaryInterval;
import io.kinesisconnect.common.config.VisibleWhen;
import io.kinesisconnect.common.connect.TopicNames;
import io.kinesisconnect.common.keys.ConnectKeys;
import io.kinesisconnect.common.keys.SourceKeys;
import io.kinesisconnect.common.keys.StartupMode;
import io.kinesisconnect.common.text.StartupDates;
import io.kinesisconnect.source.efo.EfoConfigFragment;
import io.kinesisconnect.source.record.MetadataHeader;
import io.kinesisconnect.source.record.StreamRoutes;
import io.kinesisconnect.source.shard.ReaderSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** The source connector's configuration: streams and routing, startup position, reading, AWS. */
public class KinesisSourceConfig extends AbstractConfig {

    public static final String GROUP_STREAMS = "Streams";
    public static final String GROUP_STARTUP = "Startup position";
    public static final String GROUP_READING = "Reading";
    public static final String GROUP_OPERATION = "Operation";

    public static final String STREAMS_CONFIG = SourceKeys.STREAMS;
    private static final String STREAMS_DOC =
            "Kinesis streams to read, comma-separated. Each stream's shards are spread over the tasks.";

    public static final String TOPIC_TEMPLATE_CONFIG = SourceKeys.TOPIC_TEMPLATE;
    public static final String TOPIC_TEMPLATE_DEFAULT = "${stream}";
    private static final String TOPIC_TEMPLATE_DOC =
            "The Kafka topic of a stream's records; ${stream} is replaced by the stream name. A stream"
                    + " with kinesis.stream.<stream>.topics set goes to those topics instead (several"
                    + " topics fan out, like StateFun targets).";

    public static final String HEADERS_CONFIG = SourceKeys.HEADERS;
    public static final String HEADERS_DEFAULT = String.join(",", MetadataHeader.configNames());
    private static final String HEADERS_DOC =
            "The metadata headers put on every record, comma-separated: 'stream'"
                    + " (kinesis.stream), 'shard' (kinesis.shard.id), 'sequence'"
                    + " (kinesis.sequence.number), 'subsequence' (kinesis.subsequence.number),"
                    + " 'arrival' (kinesis.arrival.timestamp) and 'value-type' (statefun.value.type,"
                    + " only on streams with kinesis.stream.<stream>.value.type). Empty for none."
                    + " Each header costs the worker's header converter on every record; see"
                    + " 'Cost of headers'. kinesis.value.encoding=base64 is always set when it"
                    + " applies, because without it the value cannot be read.";

    public static final String STARTUP_POSITION_CONFIG = SourceKeys.STARTUP_POSITION;
    public static final String STARTUP_POSITION_DEFAULT = StartupMode.LATEST.configValue();
    private static final String STARTUP_POSITION_DOC =
            "Where shards without a stored offset start: 'latest' (records written after the"
                    + " connector was created; resolved once to that instant, and kept across"
                    + " restarts from the moment a task's startup marker is committed: the first"
                    + " transaction with exactly-once support, else the first offset flush),"
                    + " 'earliest' (all retained records) or 'date'"
                    + " (kinesis.startup.date). Shards that appear later, such as children after a"
                    + " reshard, always start at their beginning.";

    public static final String STARTUP_DATE_CONFIG = SourceKeys.STARTUP_DATE;
    private static final String STARTUP_DATE_DOC =
            "With kinesis.startup.position=date: start at records that arrived at or after this"
                    + " instant. Accepted: "
                    + StartupDates.ACCEPTED_FORMS;

    public static final String VALUE_SCHEMA_CONFIG = "kinesis.value.schema";
    public static final String VALUE_SCHEMA_DEFAULT = "bytes";
    private static final String VALUE_SCHEMA_DOC =
            "The Connect schema of record values: 'bytes' (the data as sent, for ByteArrayConverter"
                    + " or JsonConverter, which writes base64) or 'string' (the data decoded as UTF-8,"
                    + " for StringConverter or JsonConverter). A record that is not valid UTF-8 keeps"
                    + " its bytes as a base64 string, marked by the header kinesis.value.encoding=base64,"
                    + " so nothing is lost.";

    public static final String DEAGGREGATE_CONFIG = "kinesis.deaggregate";
    private static final String DEAGGREGATE_DOC =
            "Expand KPL-aggregated records into their user records, each with its own partition"
                    + " key. A corrupt aggregate is emitted raw with a warning.";

    public static final String MAX_RECORDS_PER_CALL_CONFIG = "kinesis.get.records.max";
    public static final int MAX_RECORDS_PER_CALL_DEFAULT = 10_000;
    private static final String MAX_RECORDS_PER_CALL_DOC =
            "The most Kinesis records one GetRecords call returns (1 to 10,000).";

    public static final String CALL_INTERVAL_CONFIG = "kinesis.get.records.interval.ms";
    public static final long CALL_INTERVAL_DEFAULT = 200;
    private static final String CALL_INTERVAL_DOC =
            "The least time between two GetRecords calls on one shard. At least 200 ms, which keeps"
                    + " a reader within Kinesis' limit of five calls per second per shard.";

    public static final String IDLE_BACKOFF_CONFIG = "kinesis.idle.backoff.ms";
    public static final long IDLE_BACKOFF_DEFAULT = 1_000;
    private static final String IDLE_BACKOFF_DOC =
            "How long a reader waits after an empty GetRecords response at the tip of its shard"
                    + " (MillisBehindLatest 0). Behind the tip it reads again after"
                    + " kinesis.get.records.interval.ms.";

    public static final String RETRY_BACKOFF_INITIAL_CONFIG = "kinesis.retry.backoff.initial.ms";
    public static final long RETRY_BACKOFF_INITIAL_DEFAULT = 200;
    private static final String RETRY_BACKOFF_INITIAL_DOC =
            "First wait after a throttle (ProvisionedThroughputExceeded) or a transient error;"
                    + " it doubles, with jitter, up to kinesis.retry.backoff.max.ms.";

    public static final String RETRY_BACKOFF_MAX_CONFIG = "kinesis.retry.backoff.max.ms";
    public static final long RETRY_BACKOFF_MAX_DEFAULT = 10_000;
    private static final String RETRY_BACKOFF_MAX_DOC = "Longest wait between retries.";

    public static final String DISCOVERY_INTERVAL_CONFIG = "kinesis.shard.discovery.interval.ms";
    public static final long DISCOVERY_INTERVAL_DEFAULT = 30_000;
    private static final String DISCOVERY_INTERVAL_DOC =
            "How often the connector lists the streams' shards to notice resharding; a change"
                    + " reassigns shards to tasks.";

    public static final String PARENT_CHECK_INTERVAL_CONFIG = "kinesis.parent.check.interval.ms";
    public static final long PARENT_CHECK_INTERVAL_DEFAULT = 2_000;
    private static final String PARENT_CHECK_INTERVAL_DOC =
            "How often a child shard checks whether its parents have been read to their end.";

    public static final String BUFFER_CAPACITY_CONFIG = "kinesis.buffer.max.records";
    public static final int BUFFER_CAPACITY_DEFAULT = 20_000;
    private static final String BUFFER_CAPACITY_DOC =
            "Records a task holds between its shard readers and Kafka. When full, readers pause,"
                    + " which bounds memory to about this many records plus one GetRecords response"
                    + " per shard.";

    public static final String POLL_BATCH_CONFIG = "kinesis.poll.max.records";
    public static final int POLL_BATCH_DEFAULT = 5_000;
    private static final String POLL_BATCH_DOC = "The most records one poll() hands to Connect.";

    public static final String READER_THREADS_CONFIG = "kinesis.reader.threads";
    public static final int READER_THREADS_DEFAULT = 4;
    private static final String READER_THREADS_DOC =
            "Threads per task that run the shard readers; each call is short, so a few threads"
                    + " serve many shards.";

    public static final String MARKER_TOPIC_CONFIG = "kinesis.marker.topic";
    public static final String MARKER_TOPIC_DEFAULT = "__kinesis_connect_markers";
    private static final String MARKER_TOPIC_DOC =
            "Topic for small marker records that carry offsets with no data record to ride on: that"
                    + " a closed shard was read to its end, and the instant 'latest' was resolved to."
                    + " Consumers can ignore it.";

    public static final String SUMMARY_INTERVAL_CONFIG = SummaryInterval.CONFIG;
    public static final long SUMMARY_INTERVAL_DEFAULT = SummaryInterval.DEFAULT_MS;
    private static final String SUMMARY_INTERVAL_DOC =
            "How often each task logs a summary: records, bytes, calls, throttles, behind-latest."
                    + " 0 turns it off.";

    public static final ConfigDef CONFIG_DEF = configDef();

    public KinesisSourceConfig(Map<String, String> props) {
        this(CONFIG_DEF, props);
    }

    protected KinesisSourceConfig(ConfigDef definition, Map<String, String> props) {
        super(definition, props);
    }

    /** The connector's ConfigDef: AWS settings plus the source's own keys. */
    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        defineStreams(def);
        defineStartup(def);
        defineReading(def);
        EfoConfigFragment.addTo(def);
        defineOperation(def);
        return AwsConfigFragment.addTo(def);
    }

    private static void defineStreams(ConfigDef def) {
        int order = 0;
        def.define(
                STREAMS_CONFIG,
                Type.LIST,
                ConfigDef.NO_DEFAULT_VALUE,
                new StreamNamesValidator(),
                Importance.HIGH,
                STREAMS_DOC,
                GROUP_STREAMS,
                ++order,
                Width.LONG,
                "Streams");
        def.define(
                TOPIC_TEMPLATE_CONFIG,
                Type.STRING,
                TOPIC_TEMPLATE_DEFAULT,
                new ConfigDef.NonEmptyString(),
                Importance.MEDIUM,
                TOPIC_TEMPLATE_DOC,
                GROUP_STREAMS,
                ++order,
                Width.MEDIUM,
                "Topic template");
        def.define(
                VALUE_SCHEMA_CONFIG,
                Type.STRING,
                VALUE_SCHEMA_DEFAULT,
                ConfigDef.CaseInsensitiveValidString.in("bytes", "string"),
                Importance.MEDIUM,
                VALUE_SCHEMA_DOC,
                GROUP_STREAMS,
                ++order,
                Width.SHORT,
                "Value schema");
        def.define(
                HEADERS_CONFIG,
                Type.LIST,
                HEADERS_DEFAULT,
                new HeadersValidator(),
                Importance.LOW,
                HEADERS_DOC,
                GROUP_STREAMS,
                ++order,
                Width.LONG,
                "Metadata headers",
                new HeadersRecommender());
    }

    private static void defineStartup(ConfigDef def) {
        int order = 0;
        def.define(
                STARTUP_POSITION_CONFIG,
                Type.STRING,
                STARTUP_POSITION_DEFAULT,
                ConfigChoices.validator(StartupMode.class),
                Importance.HIGH,
                STARTUP_POSITION_DOC,
                GROUP_STARTUP,
                ++order,
                Width.SHORT,
                "Startup position",
                List.of(STARTUP_DATE_CONFIG),
                ConfigChoices.recommender(StartupMode.class));
        def.define(
                STARTUP_DATE_CONFIG,
                Type.STRING,
                "",
                new StartupDateValidator(),
                Importance.MEDIUM,
                STARTUP_DATE_DOC,
                GROUP_STARTUP,
                ++order,
                Width.MEDIUM,
                "Startup date",
                VisibleWhen.of(STARTUP_POSITION_CONFIG, StartupMode.DATE));
    }

    private static void defineReading(ConfigDef def) {
        int order = 0;
        def.define(
                DEAGGREGATE_CONFIG,
                Type.BOOLEAN,
                true,
                Importance.MEDIUM,
                DEAGGREGATE_DOC,
                GROUP_READING,
                ++order,
                Width.SHORT,
                "Deaggregate KPL records");
        def.define(
                MAX_RECORDS_PER_CALL_CONFIG,
                Type.INT,
                MAX_RECORDS_PER_CALL_DEFAULT,
                Range.between(1, 10_000),
                Importance.LOW,
                MAX_RECORDS_PER_CALL_DOC,
                GROUP_READING,
                ++order,
                Width.SHORT,
                "GetRecords limit");
        def.define(
                CALL_INTERVAL_CONFIG,
                Type.LONG,
                CALL_INTERVAL_DEFAULT,
                Range.atLeast(200),
                Importance.LOW,
                CALL_INTERVAL_DOC,
                GROUP_READING,
                ++order,
                Width.SHORT,
                "GetRecords interval (ms)");
        def.define(
                IDLE_BACKOFF_CONFIG,
                Type.LONG,
                IDLE_BACKOFF_DEFAULT,
                Range.atLeast(0),
                Importance.LOW,
                IDLE_BACKOFF_DOC,
                GROUP_READING,
                ++order,
                Width.SHORT,
                "Idle backoff (ms)");
        def.define(
                RETRY_BACKOFF_INITIAL_CONFIG,
                Type.LONG,
                RETRY_BACKOFF_INITIAL_DEFAULT,
                Range.atLeast(1),
                Importance.LOW,
                RETRY_BACKOFF_INITIAL_DOC,
                GROUP_READING,
                ++order,
                Width.SHORT,
                "Retry backoff (ms)");
        def.define(
                RETRY_BACKOFF_MAX_CONFIG,
                Type.LONG,
                RETRY_BACKOFF_MAX_DEFAULT,
                Range.atLeast(1),
                Importance.LOW,
                RETRY_BACKOFF_MAX_DOC,
                GROUP_READING,
                ++order,
                Width.SHORT,
                "Max retry backoff (ms)");
    }

    private static void defineOperation(ConfigDef def) {
        int order = 0;
        def.define(
                DISCOVERY_INTERVAL_CONFIG,
                Type.LONG,
                DISCOVERY_INTERVAL_DEFAULT,
                Range.atLeast(1_000),
                Importance.LOW,
                DISCOVERY_INTERVAL_DOC,
                GROUP_OPERATION,
                ++order,
                Width.SHORT,
                "Shard discovery (ms)");
        def.define(
                PARENT_CHECK_INTERVAL_CONFIG,
                Type.LONG,
                PARENT_CHECK_INTERVAL_DEFAULT,
                Range.atLeast(100),
                Importance.LOW,
                PARENT_CHECK_INTERVAL_DOC,
                GROUP_OPERATION,
                ++order,
                Width.SHORT,
                "Parent check (ms)");
        def.define(
                BUFFER_CAPACITY_CONFIG,
                Type.INT,
                BUFFER_CAPACITY_DEFAULT,
                Range.atLeast(1),
                Importance.LOW,
                BUFFER_CAPACITY_DOC,
                GROUP_OPERATION,
                ++order,
                Width.SHORT,
                "Buffer (records)");
        def.define(
                POLL_BATCH_CONFIG,
                Type.INT,
                POLL_BATCH_DEFAULT,
                Range.atLeast(1),
                Importance.LOW,
                POLL_BATCH_DOC,
                GROUP_OPERATION,
                ++order,
                Width.SHORT,
                "Records per poll");
        def.define(
                READER_THREADS_CONFIG,
                Type.INT,
                READER_THREADS_DEFAULT,
                Range.between(1, 64),
                Importance.LOW,
                READER_THREADS_DOC,
                GROUP_OPERATION,
                ++order,
                Width.SHORT,
                "Reader threads");
        def.define(
                MARKER_TOPIC_CONFIG,
                Type.STRING,
                MARKER_TOPIC_DEFAULT,
                new ConfigDef.NonEmptyString(),
                Importance.LOW,
                MARKER_TOPIC_DOC,
                GROUP_OPERATION,
                ++order,
                Width.MEDIUM,
                "Marker topic");
        def.define(
                SUMMARY_INTERVAL_CONFIG,
                Type.LONG,
                SUMMARY_INTERVAL_DEFAULT,
                SummaryInterval.VALIDATOR,
                Importance.LOW,
                SUMMARY_INTERVAL_DOC,
                GROUP_OPERATION,
                ++order,
                Width.SHORT,
                "Summary interval (ms)");
    }

    public List<String> streams() {
        return getList(STREAMS_CONFIG).stream().map(String::trim).toList();
    }

    public StartupMode startupMode() {
        return ConfigChoices.of(StartupMode.class, getString(STARTUP_POSITION_CONFIG));
    }

    /** The configured startup date, when the mode is {@link StartupMode#DATE}. */
    public Optional<Instant> startupDate() {
        String text = getString(STARTUP_DATE_CONFIG);
        return text == null || text.isBlank() ? Optional.empty() : StartupDates.parse(text);
    }

    /** Whether values are decoded to UTF-8 strings rather than passed as bytes. */
    public boolean valuesAsStrings() {
        return "string".equalsIgnoreCase(getString(VALUE_SCHEMA_CONFIG));
    }

    /** The metadata headers to put on records. */
    public Set<MetadataHeader> headers() {
        return MetadataHeader.parse(getList(HEADERS_CONFIG));
    }

    public boolean deaggregate() {
        return getBoolean(DEAGGREGATE_CONFIG);
    }

    public Duration discoveryInterval() {
        return Duration.ofMillis(getLong(DISCOVERY_INTERVAL_CONFIG));
    }

    public Duration summaryInterval() {
        return Duration.ofMillis(getLong(SUMMARY_INTERVAL_CONFIG));
    }

    public int bufferCapacity() {
        return getInt(BUFFER_CAPACITY_CONFIG);
    }

    public int pollBatch() {
        return getInt(POLL_BATCH_CONFIG);
    }

    public int readerThreads() {
        return getInt(READER_THREADS_CONFIG);
    }

    public String markerTopic() {
        return getString(MARKER_TOPIC_CONFIG);
    }

    public AwsConfigFragment aws() {
        return new AwsConfigFragment(this);
    }

    /** The reader type and the enhanced fan-out settings. */
    public EfoConfigFragment efo() {
        return new EfoConfigFragment(this);
    }

    /** The reader settings, for a connector named {@code connectorName}. */
    public ReaderSettings readerSettings(String connectorName) {
        return new ReaderSettings(
                connectorName,
                markerTopic(),
                getInt(MAX_RECORDS_PER_CALL_CONFIG),
                Duration.ofMillis(getLong(CALL_INTERVAL_CONFIG)),
                Duration.ofMillis(getLong(IDLE_BACKOFF_CONFIG)),
                Duration.ofMillis(getLong(RETRY_BACKOFF_INITIAL_CONFIG)),
                Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_CONFIG)),
                Duration.ofMillis(getLong(PARENT_CHECK_INTERVAL_CONFIG)));
    }

    /** Each stream's topics and value type, from the template and the per-stream keys. */
    public StreamRoutes routes() {
        Map<String, List<String>> topics = new LinkedHashMap<>();
        Map<String, String> valueTypes = new LinkedHashMap<>();
        String template = getString(TOPIC_TEMPLATE_CONFIG);
        for (String stream : streams()) {
            String explicit = originalsStrings().get(SourceKeys.streamTopics(stream));
            topics.put(
                    stream,
                    explicit == null || explicit.isBlank()
                            ? List.of(StreamRoutes.expand(template, stream))
                            : splitList(explicit));
            String valueType = originalsStrings().get(SourceKeys.streamValueType(stream));
            if (valueType != null && !valueType.isBlank()) {
                valueTypes.put(stream, valueType.trim());
            }
        }
        return new StreamRoutes(topics, valueTypes);
    }

    /**
     * What a ConfigDef cannot check key by key: the date the mode needs, per-stream keys that name
     * unknown streams, topic names, and the AWS settings' own cross-checks.
     *
     * @return error messages per key; empty when valid
     */
    public Map<String, List<String>> validate() {
        Map<String, List<String>> errors = new LinkedHashMap<>(aws().validate());
        errors.putAll(
                efo().validate(Optional.ofNullable(originalsStrings().get(ConnectKeys.NAME))));
        if (startupMode() == StartupMode.DATE && startupDate().isEmpty()) {
            ConfigErrors.add(
                    errors,
                    STARTUP_DATE_CONFIG,
                    "kinesis.startup.position=date needs kinesis.startup.date; accepted: "
                            + StartupDates.ACCEPTED_FORMS);
        }
        String valueConverter = originalsStrings().getOrDefault(ConnectKeys.VALUE_CONVERTER, "");
        if (valueConverter.endsWith(".StringConverter") && !valuesAsStrings()) {
            ConfigErrors.add(
                    errors,
                    VALUE_SCHEMA_CONFIG,
                    "StringConverter cannot write bytes values (it would write their Java identity,"
                            + " like [B@1b6d3586); set kinesis.value.schema=string, or use"
                            + " ByteArrayConverter");
        }
        for (Map.Entry<String, String> entry : originalsStrings().entrySet()) {
            perStreamKeyError(entry.getKey(), entry.getValue())
                    .ifPresent(message -> ConfigErrors.add(errors, entry.getKey(), message));
        }
        return errors;
    }

    private Optional<String> perStreamKeyError(String key, String value) {
        if (!key.startsWith(SourceKeys.STREAM_PREFIX)) {
            return Optional.empty();
        }
        String rest = key.substring(SourceKeys.STREAM_PREFIX.length());
        String stream;
        if (rest.endsWith(SourceKeys.STREAM_TOPICS_SUFFIX)) {
            stream = rest.substring(0, rest.length() - SourceKeys.STREAM_TOPICS_SUFFIX.length());
            for (String topic : splitList(value)) {
                if (!TopicNames.isValid(topic)) {
                    return Optional.of(
                            "Invalid topic name '"
                                    + topic
                                    + "' in "
                                    + key
                                    + "; "
                                    + TopicNames.RULE);
                }
            }
        } else if (rest.endsWith(SourceKeys.STREAM_VALUE_TYPE_SUFFIX)) {
            stream =
                    rest.substring(0, rest.length() - SourceKeys.STREAM_VALUE_TYPE_SUFFIX.length());
        } else {
            return Optional.of(
                    "Unknown per-stream key "
                            + key
                            + "; accepted are kinesis.stream.<stream>.topics"
                            + " and kinesis.stream.<stream>.value.type");
        }
        if (!streams().contains(stream)) {
            return Optional.of(
                    "Stream '"
                            + stream
                            + "' in "
                            + key
                            + " is not one of kinesis.streams "
                            + streams());
        }
        return Optional.empty();
    }

    static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    /** Checks every stream name against Kinesis' naming rule. */
    static final class StreamNamesValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> streams = (List<String>) value;
            if (streams == null || streams.isEmpty()) {
                throw new ConfigException(
                        name, value, "At least one Kinesis stream name is required");
            }
            for (String stream : streams) {
                if (!KinesisNames.NAME.matcher(stream.trim()).matches()) {
                    throw new ConfigException(
                            name,
                            stream,
                            "A Kinesis stream name is 1 to 128 characters of a-z, A-Z, 0-9, '_', '.' and '-'");
                }
            }
        }

        @Override
        public String toString() {
            return "Kinesis stream names, comma-separated";
        }
    }

    /** Accepts a list of {@link MetadataHeader} names, or an empty list for no headers. */
    static final class HeadersValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> headers = (List<String>) value;
            try {
                MetadataHeader.parse(headers == null ? List.of() : headers);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "Any of " + String.join(", ", MetadataHeader.configNames()) + "; empty for none";
        }
    }

    /** Offers the header names in tools that show a list of valid values. */
    static final class HeadersRecommender implements ConfigDef.Recommender {
        @Override
        public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
            return List.copyOf(MetadataHeader.configNames());
        }

        @Override
        public boolean visible(String name, Map<String, Object> parsedConfig) {
            return true;
        }
    }

    /** Accepts an empty value (no date) or any form {@link StartupDates} parses. */
    static final class StartupDateValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = (String) value;
            if (text != null && !text.isBlank() && StartupDates.parse(text).isEmpty()) {
                throw new ConfigException(
                        name, value, "Not a date; accepted: " + StartupDates.ACCEPTED_FORMS);
            }
        }

        @Override
        public String toString() {
            return StartupDates.ACCEPTED_FORMS;
        }
    }
}
