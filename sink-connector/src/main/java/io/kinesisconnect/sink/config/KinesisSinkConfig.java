package io.kinesisconnect.sink.config;

import io.kinesisconnect.common.aws.AwsConfigFragment;
import io.kinesisconnect.common.config.ConfigChoices;
import io.kinesisconnect.common.config.SummaryInterval;
import io.kinesisconnect.common.config.VisibleWhen;
import io.kinesisconnect.common.keys.RecordHeaders;
import io.kinesisconnect.common.keys.SinkKeys;
import io.kinesisconnect.common.keys.StreamRouting;
import io.kinesisconnect.common.retry.ExponentialBackoff;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sink connector's settings: target stream, keys, value, delivery, AWS and KPL. */
public class KinesisSinkConfig extends AbstractConfig {

    private static final Logger log = LoggerFactory.getLogger(KinesisSinkConfig.class);

    public static final String GROUP_STREAM = "Target stream";
    public static final String GROUP_PARTITION_KEY = "Partition key";
    public static final String GROUP_HASH_KEY = "Explicit hash key";
    public static final String GROUP_VALUE = "Value";
    public static final String GROUP_DELIVERY = "Delivery";
    public static final String GROUP_WRITER = "Writer";

    /** The template placeholder replaced by a record's topic. */
    public static final String TOPIC_PLACEHOLDER = "${topic}";

    public static final String STREAM_ROUTING_CONFIG = SinkKeys.STREAM_ROUTING;
    public static final String STREAM_ROUTING_DOC =
            "How each record's stream is chosen: static (kinesis.stream), mapping"
                    + " (kinesis.stream.mapping, then kinesis.stream for unmapped topics) or header"
                    + " (kinesis.stream.header, then the mapping and kinesis.stream).";
    public static final String STREAM_ROUTING_DEFAULT = StreamRouting.STATIC.configValue();

    public static final String STREAM_CONFIG = SinkKeys.STREAM;
    public static final String STREAM_DOC =
            "The target stream, or a template in which ${topic} stands for the record's topic,"
                    + " such as ${topic}-events. Required with routing static.";
    public static final String STREAM_DEFAULT = "";

    public static final String STREAM_MAPPING_CONFIG = "kinesis.stream.mapping";
    public static final String STREAM_MAPPING_DOC =
            "Topic to stream pairs, topic:stream, separated by commas; a stream may use ${topic}.";

    public static final String STREAM_HEADER_CONFIG = SinkKeys.STREAM_HEADER;
    public static final String STREAM_HEADER_DOC =
            "The header whose value is the record's stream, for routing header.";
    public static final String STREAM_HEADER_DEFAULT = RecordHeaders.STREAM;

    public static final String PARTITION_KEY_SOURCE_CONFIG = "kinesis.partition.key.source";
    public static final String PARTITION_KEY_SOURCE_DOC =
            "Where the partition key comes from: key (the record key), header, field (of a Struct"
                    + " or Map value) or random.";
    public static final String PARTITION_KEY_SOURCE_DEFAULT = PartitionKeySource.KEY.configValue();

    public static final String PARTITION_KEY_HEADER_CONFIG = "kinesis.partition.key.header";
    public static final String PARTITION_KEY_HEADER_DOC =
            "The header that holds the partition key, for source header.";
    public static final String PARTITION_KEY_HEADER_DEFAULT = "";

    public static final String PARTITION_KEY_FIELD_CONFIG = "kinesis.partition.key.field";
    public static final String PARTITION_KEY_FIELD_DOC =
            "The value field that holds the partition key, for source field; dots reach into"
                    + " nested Structs and Maps, as in customer.id.";
    public static final String PARTITION_KEY_FIELD_DEFAULT = "";

    public static final String NULL_KEY_CONFIG = "kinesis.partition.key.null.behavior";
    public static final String NULL_KEY_DOC =
            "The partition key of a record whose key (or header, or field) is null or empty:"
                    + " kafka-partition (the Kafka partition number, which keeps a partition's"
                    + " keyless records on one shard), random, or fail (dead-letter queue or task"
                    + " failure).";
    public static final String NULL_KEY_DEFAULT = NullKeyBehavior.KAFKA_PARTITION.configValue();

    public static final String BYTES_ENCODING_CONFIG = "kinesis.partition.key.bytes.encoding";
    public static final String BYTES_ENCODING_DOC =
            "How binary keys become text: base64, hex, or utf8 (the text when the bytes are valid"
                    + " UTF-8, else Base64). Keys over 256 characters become the hex SHA-256 of the"
                    + " key.";
    public static final String BYTES_ENCODING_DEFAULT = BytesEncoding.BASE64.configValue();

    public static final String HASH_KEY_SOURCE_CONFIG = "kinesis.explicit.hash.key.source";
    public static final String HASH_KEY_SOURCE_DOC =
            "Explicit hash key: none, header (a decimal hash key in a header) or pin-partition"
                    + " (Kafka partition p of N goes to the middle of the p-th of N equal slices of"
                    + " the hash-key space, so N partitions spread over N evenly split shards).";
    public static final String HASH_KEY_SOURCE_DEFAULT = HashKeySource.NONE.configValue();

    public static final String HASH_KEY_HEADER_CONFIG = "kinesis.explicit.hash.key.header";
    public static final String HASH_KEY_HEADER_DOC =
            "The header with the explicit hash key, for source header.";
    public static final String HASH_KEY_HEADER_DEFAULT = "";

    public static final String HASH_KEY_PARTITIONS_CONFIG = "kinesis.explicit.hash.key.partitions";
    public static final String HASH_KEY_PARTITIONS_DOC =
            "N for pin-partition: how many slices the hash-key space is cut into, normally the"
                    + " topic's partition count (partition p uses slice p mod N).";
    public static final int HASH_KEY_PARTITIONS_DEFAULT = 0;

    public static final String VALUE_CONVERTER_CONFIG = "kinesis.value.converter";
    public static final String VALUE_CONVERTER_DOC =
            "The Converter that turns each record value back into the bytes written to Kinesis;"
                    + " settings for it go under kinesis.value.converter.*. Use the same class as"
                    + " value.converter to write the Kafka bytes unchanged. Empty: bytes and"
                    + " ByteBuffers as they are, strings as UTF-8, everything else as schemaless"
                    + " JSON.";

    public static final String TOMBSTONE_CONFIG = "kinesis.tombstone.behavior";
    public static final String TOMBSTONE_DOC =
            "What happens to a record with a null value: skip, fail (the task fails, naming the"
                    + " record) or dlq (the errant record reporter).";
    public static final String TOMBSTONE_DEFAULT = TombstoneBehavior.SKIP.configValue();

    public static final String MAX_OUTSTANDING_CONFIG = SinkKeys.MAX_OUTSTANDING_RECORDS;
    public static final String MAX_OUTSTANDING_DOC =
            "At most this many records of a task are in flight to Kinesis or waiting for a"
                    + " retry. At the bound, put() waits up to kinesis.put.max.wait.ms, then pauses"
                    + " the task's partitions until there is room. The default keeps the KPL's"
                    + " aggregation fed; kinesis.max.outstanding.bytes bounds the memory.";
    public static final int MAX_OUTSTANDING_DEFAULT = SinkKeys.MAX_OUTSTANDING_RECORDS_DEFAULT;

    public static final String MAX_OUTSTANDING_BYTES_CONFIG = "kinesis.max.outstanding.bytes";
    public static final String MAX_OUTSTANDING_BYTES_DOC =
            "At most this many payload bytes of a task are in flight to Kinesis or waiting for a"
                    + " retry, whichever of the two bounds is reached first. A single record larger"
                    + " than this is written alone. Each outstanding byte is held about twice on"
                    + " the worker's heap (the Kafka record and its Kinesis payload) and once in"
                    + " the KPL's child process.";
    public static final long MAX_OUTSTANDING_BYTES_DEFAULT = 32L * 1024 * 1024;

    public static final String PUT_MAX_WAIT_CONFIG = "kinesis.put.max.wait.ms";
    public static final String PUT_MAX_WAIT_DOC =
            "How long one put() waits for room below the outstanding bound before it parks the"
                    + " rest of the batch and pauses the partitions.";
    public static final long PUT_MAX_WAIT_DEFAULT = 500;

    public static final String RETRIES_CONFIG = "kinesis.retries.max";
    public static final String RETRIES_DOC =
            "How often one record is written again after a transient failure (throttling,"
                    + " timeouts, KPL record TTL expiry, a restart of the KPL process). Past this the"
                    + " task fails.";
    public static final int RETRIES_DEFAULT = 10;

    public static final String RETRY_BACKOFF_CONFIG = "kinesis.retry.backoff.ms";
    public static final String RETRY_BACKOFF_DOC =
            "Wait before the first re-send. It doubles per attempt, up to 10 times this, and each"
                    + " wait is drawn at random between half and all of that (jitter), so that tasks"
                    + " throttled together do not retry together.";
    public static final long RETRY_BACKOFF_DEFAULT = 500;

    public static final String FLUSH_TIMEOUT_CONFIG = "kinesis.flush.timeout.ms";
    public static final String FLUSH_TIMEOUT_DOC =
            "Before offsets are committed (also on partition revocation and stop), how long to wait"
                    + " for the records already handed to the KPL to be acknowledged. Keep it below"
                    + " the worker's task.shutdown.graceful.timeout.ms. Records still outstanding"
                    + " then are not committed and will be written again.";
    public static final long FLUSH_TIMEOUT_DEFAULT = 3_000;

    public static final String SUMMARY_INTERVAL_CONFIG = SummaryInterval.CONFIG;
    public static final String SUMMARY_INTERVAL_DOC =
            "How often a task logs a summary line: records, bytes, outstanding, retries, failures."
                    + " 0 turns it off.";
    public static final long SUMMARY_INTERVAL_DEFAULT = SummaryInterval.DEFAULT_MS;

    /** The sink's earlier name for {@link #SUMMARY_INTERVAL_CONFIG}, still read, with a warning. */
    public static final String SUMMARY_INTERVAL_DEPRECATED_CONFIG =
            "kinesis.summary.log.interval.ms";

    private static final String SUMMARY_INTERVAL_DEPRECATED_DOC =
            "Deprecated: use "
                    + SUMMARY_INTERVAL_CONFIG
                    + ", which wins when both are set. Still read when it is the only one.";

    public static final String WRITER_CONFIG = "kinesis.writer";
    public static final String WRITER_DOC =
            "What writes to Kinesis: kpl (the Kinesis Producer Library and its native child"
                    + " process; the kpl.* settings apply) or sdk (the AWS SDK v2 in the worker JVM,"
                    + " with KPL-format aggregation and at most one PutRecords entry in flight per"
                    + " shard, so every key's records land in their Kafka partition's order; the"
                    + " kpl.* settings do not apply).";
    public static final String WRITER_DEFAULT = SinkWriter.KPL.configValue();

    public static final String AGGREGATION_ENABLED_CONFIG = "kinesis.aggregation.enabled";
    public static final String AGGREGATION_ENABLED_DOC =
            "sdk writer: pack the records of one shard into KPL-format aggregates. Off, every"
                    + " user record is its own Kinesis record and, to keep order, a shard takes one"
                    + " record per round trip.";
    public static final boolean AGGREGATION_ENABLED_DEFAULT = true;

    public static final String AGGREGATION_MAX_BYTES_CONFIG = "kinesis.aggregation.max.bytes";
    public static final String AGGREGATION_MAX_BYTES_DOC =
            "sdk writer: the most bytes of one aggregate, its partition key included (Kinesis'"
                    + " limit per record is 1 MiB). A shard takes one entry per round trip, so the"
                    + " default lets one round trip carry a shard's whole second of writes. A record"
                    + " too big for an aggregate is sent alone.";
    public static final int AGGREGATION_MAX_BYTES_DEFAULT = 1024 * 1024;

    public static final String AGGREGATION_MAX_RECORDS_CONFIG = "kinesis.aggregation.max.records";
    public static final String AGGREGATION_MAX_RECORDS_DOC =
            "sdk writer: the most user records in one aggregate.";
    public static final int AGGREGATION_MAX_RECORDS_DEFAULT = 10_000;

    public static final String SHARD_BYTES_RATE_CONFIG = "kinesis.shard.write.bytes.per.second";
    public static final String SHARD_BYTES_RATE_DOC =
            "sdk writer: each shard's byte budget per second (AWS: 1 MiB/s), so the writer waits"
                    + " instead of meeting throttles. The budget is per task: tasks that write to the"
                    + " same shard share the AWS limit and may still be throttled.";
    public static final long SHARD_BYTES_RATE_DEFAULT = 1024 * 1024;

    public static final String SHARD_RECORDS_RATE_CONFIG = "kinesis.shard.write.records.per.second";
    public static final String SHARD_RECORDS_RATE_DOC =
            "sdk writer: each shard's record budget per second (AWS: 1,000/s); an aggregate counts"
                    + " as one record. Per task, like the byte budget.";
    public static final long SHARD_RECORDS_RATE_DEFAULT = 1_000;

    /** Prefix of KPL settings passed through, such as {@code kpl.RecordMaxBufferedTime}. */
    public static final String KPL_PREFIX = SinkKeys.KPL_PREFIX;

    /** Prefix of the settings for {@link #VALUE_CONVERTER_CONFIG}. */
    public static final String VALUE_CONVERTER_PREFIX = VALUE_CONVERTER_CONFIG + ".";

    public static final ConfigDef CONFIG_DEF = configDef();

    private final AwsConfigFragment aws;

    public KinesisSinkConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props);
        this.aws = new AwsConfigFragment(this);
        if (props.containsKey(SUMMARY_INTERVAL_DEPRECATED_CONFIG)) {
            log.warn(
                    "{} is deprecated; use {} instead{}",
                    SUMMARY_INTERVAL_DEPRECATED_CONFIG,
                    SUMMARY_INTERVAL_CONFIG,
                    props.containsKey(SUMMARY_INTERVAL_CONFIG)
                            ? " (both are set, so " + SUMMARY_INTERVAL_CONFIG + " is used)"
                            : "");
        }
    }

    /** Every key with group, order, width, display name, validator and recommender. */
    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        defineStream(def);
        defineKeys(def);
        defineValue(def);
        defineDelivery(def);
        defineWriter(def);
        return AwsConfigFragment.addTo(def);
    }

    private static void defineStream(ConfigDef def) {
        int order = 0;
        def.define(
                STREAM_ROUTING_CONFIG,
                Type.STRING,
                STREAM_ROUTING_DEFAULT,
                ConfigChoices.validator(StreamRouting.class),
                Importance.HIGH,
                STREAM_ROUTING_DOC,
                GROUP_STREAM,
                ++order,
                Width.SHORT,
                "Stream routing",
                List.of(STREAM_MAPPING_CONFIG, STREAM_HEADER_CONFIG),
                ConfigChoices.recommender(StreamRouting.class));
        def.define(
                STREAM_CONFIG,
                Type.STRING,
                STREAM_DEFAULT,
                Importance.HIGH,
                STREAM_DOC,
                GROUP_STREAM,
                ++order,
                Width.MEDIUM,
                "Stream or template");
        def.define(
                STREAM_MAPPING_CONFIG,
                Type.LIST,
                List.of(),
                new StreamMappingValidator(),
                Importance.MEDIUM,
                STREAM_MAPPING_DOC,
                GROUP_STREAM,
                ++order,
                Width.LONG,
                "Topic to stream mapping",
                VisibleWhen.of(STREAM_ROUTING_CONFIG, StreamRouting.MAPPING, StreamRouting.HEADER));
        def.define(
                STREAM_HEADER_CONFIG,
                Type.STRING,
                STREAM_HEADER_DEFAULT,
                Importance.MEDIUM,
                STREAM_HEADER_DOC,
                GROUP_STREAM,
                ++order,
                Width.MEDIUM,
                "Stream header",
                VisibleWhen.of(STREAM_ROUTING_CONFIG, StreamRouting.HEADER));
    }

    private static void defineKeys(ConfigDef def) {
        int order = 0;
        def.define(
                PARTITION_KEY_SOURCE_CONFIG,
                Type.STRING,
                PARTITION_KEY_SOURCE_DEFAULT,
                ConfigChoices.validator(PartitionKeySource.class),
                Importance.HIGH,
                PARTITION_KEY_SOURCE_DOC,
                GROUP_PARTITION_KEY,
                ++order,
                Width.SHORT,
                "Partition key source",
                List.of(PARTITION_KEY_HEADER_CONFIG, PARTITION_KEY_FIELD_CONFIG),
                ConfigChoices.recommender(PartitionKeySource.class));
        def.define(
                PARTITION_KEY_HEADER_CONFIG,
                Type.STRING,
                PARTITION_KEY_HEADER_DEFAULT,
                Importance.MEDIUM,
                PARTITION_KEY_HEADER_DOC,
                GROUP_PARTITION_KEY,
                ++order,
                Width.MEDIUM,
                "Partition key header",
                VisibleWhen.of(PARTITION_KEY_SOURCE_CONFIG, PartitionKeySource.HEADER));
        def.define(
                PARTITION_KEY_FIELD_CONFIG,
                Type.STRING,
                PARTITION_KEY_FIELD_DEFAULT,
                Importance.MEDIUM,
                PARTITION_KEY_FIELD_DOC,
                GROUP_PARTITION_KEY,
                ++order,
                Width.MEDIUM,
                "Partition key field",
                VisibleWhen.of(PARTITION_KEY_SOURCE_CONFIG, PartitionKeySource.FIELD));
        def.define(
                NULL_KEY_CONFIG,
                Type.STRING,
                NULL_KEY_DEFAULT,
                ConfigChoices.validator(NullKeyBehavior.class),
                Importance.MEDIUM,
                NULL_KEY_DOC,
                GROUP_PARTITION_KEY,
                ++order,
                Width.SHORT,
                "Null key behaviour",
                ConfigChoices.recommender(NullKeyBehavior.class));
        def.define(
                BYTES_ENCODING_CONFIG,
                Type.STRING,
                BYTES_ENCODING_DEFAULT,
                ConfigChoices.validator(BytesEncoding.class),
                Importance.LOW,
                BYTES_ENCODING_DOC,
                GROUP_PARTITION_KEY,
                ++order,
                Width.SHORT,
                "Binary key encoding",
                ConfigChoices.recommender(BytesEncoding.class));
        order = 0;
        def.define(
                HASH_KEY_SOURCE_CONFIG,
                Type.STRING,
                HASH_KEY_SOURCE_DEFAULT,
                ConfigChoices.validator(HashKeySource.class),
                Importance.MEDIUM,
                HASH_KEY_SOURCE_DOC,
                GROUP_HASH_KEY,
                ++order,
                Width.SHORT,
                "Explicit hash key source",
                List.of(HASH_KEY_HEADER_CONFIG, HASH_KEY_PARTITIONS_CONFIG),
                ConfigChoices.recommender(HashKeySource.class));
        def.define(
                HASH_KEY_HEADER_CONFIG,
                Type.STRING,
                HASH_KEY_HEADER_DEFAULT,
                Importance.MEDIUM,
                HASH_KEY_HEADER_DOC,
                GROUP_HASH_KEY,
                ++order,
                Width.MEDIUM,
                "Explicit hash key header",
                VisibleWhen.of(HASH_KEY_SOURCE_CONFIG, HashKeySource.HEADER));
        def.define(
                HASH_KEY_PARTITIONS_CONFIG,
                Type.INT,
                HASH_KEY_PARTITIONS_DEFAULT,
                Range.atLeast(0),
                Importance.MEDIUM,
                HASH_KEY_PARTITIONS_DOC,
                GROUP_HASH_KEY,
                ++order,
                Width.SHORT,
                "Pinned partition count",
                VisibleWhen.of(HASH_KEY_SOURCE_CONFIG, HashKeySource.PIN_PARTITION));
    }

    private static void defineValue(ConfigDef def) {
        int order = 0;
        def.define(
                VALUE_CONVERTER_CONFIG,
                Type.CLASS,
                null,
                Importance.MEDIUM,
                VALUE_CONVERTER_DOC,
                GROUP_VALUE,
                ++order,
                Width.LONG,
                "Kinesis value converter");
        def.define(
                TOMBSTONE_CONFIG,
                Type.STRING,
                TOMBSTONE_DEFAULT,
                ConfigChoices.validator(TombstoneBehavior.class),
                Importance.MEDIUM,
                TOMBSTONE_DOC,
                GROUP_VALUE,
                ++order,
                Width.SHORT,
                "Tombstone behaviour",
                ConfigChoices.recommender(TombstoneBehavior.class));
    }

    private static void defineDelivery(ConfigDef def) {
        int order = 0;
        def.define(
                MAX_OUTSTANDING_CONFIG,
                Type.INT,
                MAX_OUTSTANDING_DEFAULT,
                Range.between(1, 1_000_000),
                Importance.MEDIUM,
                MAX_OUTSTANDING_DOC,
                GROUP_DELIVERY,
                ++order,
                Width.SHORT,
                "Max outstanding records");
        def.define(
                MAX_OUTSTANDING_BYTES_CONFIG,
                Type.LONG,
                MAX_OUTSTANDING_BYTES_DEFAULT,
                Range.between(1L, 1L << 34),
                Importance.MEDIUM,
                MAX_OUTSTANDING_BYTES_DOC,
                GROUP_DELIVERY,
                ++order,
                Width.SHORT,
                "Max outstanding bytes");
        defineMillis(def, PUT_MAX_WAIT_CONFIG, PUT_MAX_WAIT_DEFAULT, PUT_MAX_WAIT_DOC, ++order);
        def.define(
                RETRIES_CONFIG,
                Type.INT,
                RETRIES_DEFAULT,
                Range.between(0, 1_000),
                Importance.MEDIUM,
                RETRIES_DOC,
                GROUP_DELIVERY,
                ++order,
                Width.SHORT,
                "Max re-sends per record");
        defineMillis(def, RETRY_BACKOFF_CONFIG, RETRY_BACKOFF_DEFAULT, RETRY_BACKOFF_DOC, ++order);
        defineMillis(def, FLUSH_TIMEOUT_CONFIG, FLUSH_TIMEOUT_DEFAULT, FLUSH_TIMEOUT_DOC, ++order);
        def.define(
                SUMMARY_INTERVAL_CONFIG,
                Type.LONG,
                SUMMARY_INTERVAL_DEFAULT,
                SummaryInterval.VALIDATOR,
                Importance.LOW,
                SUMMARY_INTERVAL_DOC,
                GROUP_DELIVERY,
                ++order,
                Width.SHORT,
                "Summary interval (ms)");
        def.define(
                SUMMARY_INTERVAL_DEPRECATED_CONFIG,
                Type.LONG,
                null,
                SummaryInterval.VALIDATOR,
                Importance.LOW,
                SUMMARY_INTERVAL_DEPRECATED_DOC,
                GROUP_DELIVERY,
                ++order,
                Width.SHORT,
                "Summary interval (ms), deprecated name");
    }

    private static void defineWriter(ConfigDef def) {
        int order = 0;
        def.define(
                WRITER_CONFIG,
                Type.STRING,
                WRITER_DEFAULT,
                ConfigChoices.validator(SinkWriter.class),
                Importance.HIGH,
                WRITER_DOC,
                GROUP_WRITER,
                ++order,
                Width.SHORT,
                "Writer",
                List.of(
                        AGGREGATION_ENABLED_CONFIG,
                        AGGREGATION_MAX_BYTES_CONFIG,
                        AGGREGATION_MAX_RECORDS_CONFIG,
                        SHARD_BYTES_RATE_CONFIG,
                        SHARD_RECORDS_RATE_CONFIG),
                ConfigChoices.recommender(SinkWriter.class));
        ConfigDef.Recommender sdkOnly = VisibleWhen.of(WRITER_CONFIG, SinkWriter.SDK);
        def.define(
                AGGREGATION_ENABLED_CONFIG,
                Type.BOOLEAN,
                AGGREGATION_ENABLED_DEFAULT,
                Importance.MEDIUM,
                AGGREGATION_ENABLED_DOC,
                GROUP_WRITER,
                ++order,
                Width.SHORT,
                "Aggregation",
                sdkOnly);
        def.define(
                AGGREGATION_MAX_BYTES_CONFIG,
                Type.INT,
                AGGREGATION_MAX_BYTES_DEFAULT,
                Range.between(1024, 1024 * 1024),
                Importance.LOW,
                AGGREGATION_MAX_BYTES_DOC,
                GROUP_WRITER,
                ++order,
                Width.SHORT,
                "Max aggregate bytes",
                sdkOnly);
        def.define(
                AGGREGATION_MAX_RECORDS_CONFIG,
                Type.INT,
                AGGREGATION_MAX_RECORDS_DEFAULT,
                Range.between(1, 1_000_000),
                Importance.LOW,
                AGGREGATION_MAX_RECORDS_DOC,
                GROUP_WRITER,
                ++order,
                Width.SHORT,
                "Max aggregate records",
                sdkOnly);
        def.define(
                SHARD_BYTES_RATE_CONFIG,
                Type.LONG,
                SHARD_BYTES_RATE_DEFAULT,
                Range.between(1024L, 1L << 40),
                Importance.LOW,
                SHARD_BYTES_RATE_DOC,
                GROUP_WRITER,
                ++order,
                Width.SHORT,
                "Shard bytes per second",
                sdkOnly);
        def.define(
                SHARD_RECORDS_RATE_CONFIG,
                Type.LONG,
                SHARD_RECORDS_RATE_DEFAULT,
                Range.between(1L, 1_000_000_000L),
                Importance.LOW,
                SHARD_RECORDS_RATE_DOC,
                GROUP_WRITER,
                ++order,
                Width.SHORT,
                "Shard records per second",
                sdkOnly);
    }

    private static void defineMillis(
            ConfigDef def, String key, long defaultValue, String doc, int order) {
        def.define(
                key,
                Type.LONG,
                defaultValue,
                Range.between(0L, Duration.ofHours(1).toMillis()),
                Importance.LOW,
                doc,
                GROUP_DELIVERY,
                order,
                Width.SHORT,
                displayName(key));
    }

    private static String displayName(String key) {
        String words = key.substring("kinesis.".length()).replace('.', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public AwsConfigFragment aws() {
        return aws;
    }

    public StreamRouting streamRouting() {
        return ConfigChoices.of(StreamRouting.class, getString(STREAM_ROUTING_CONFIG));
    }

    /** The stream template, empty when none is set. */
    public Optional<String> streamTemplate() {
        String s = getString(STREAM_CONFIG).trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** Topic to stream (template), in the order written. */
    public Map<String, String> streamMapping() {
        return StreamMappingValidator.parse(getList(STREAM_MAPPING_CONFIG));
    }

    public String streamHeader() {
        return getString(STREAM_HEADER_CONFIG);
    }

    public PartitionKeySource partitionKeySource() {
        return ConfigChoices.of(PartitionKeySource.class, getString(PARTITION_KEY_SOURCE_CONFIG));
    }

    public String partitionKeyHeader() {
        return getString(PARTITION_KEY_HEADER_CONFIG).trim();
    }

    public String partitionKeyField() {
        return getString(PARTITION_KEY_FIELD_CONFIG).trim();
    }

    public NullKeyBehavior nullKeyBehavior() {
        return ConfigChoices.of(NullKeyBehavior.class, getString(NULL_KEY_CONFIG));
    }

    public BytesEncoding bytesEncoding() {
        return ConfigChoices.of(BytesEncoding.class, getString(BYTES_ENCODING_CONFIG));
    }

    public HashKeySource hashKeySource() {
        return ConfigChoices.of(HashKeySource.class, getString(HASH_KEY_SOURCE_CONFIG));
    }

    public String hashKeyHeader() {
        return getString(HASH_KEY_HEADER_CONFIG).trim();
    }

    public int hashKeyPartitions() {
        return getInt(HASH_KEY_PARTITIONS_CONFIG);
    }

    /** The configured value converter class, empty for the built-in encoding. */
    public Optional<Class<?>> valueConverterClass() {
        return Optional.ofNullable(getClass(VALUE_CONVERTER_CONFIG));
    }

    /** The settings under {@code kinesis.value.converter.}, without the prefix. */
    public Map<String, Object> valueConverterSettings() {
        return originalsWithPrefix(VALUE_CONVERTER_PREFIX);
    }

    public TombstoneBehavior tombstoneBehavior() {
        return ConfigChoices.of(TombstoneBehavior.class, getString(TOMBSTONE_CONFIG));
    }

    public int maxOutstandingRecords() {
        return getInt(MAX_OUTSTANDING_CONFIG);
    }

    public long maxOutstandingBytes() {
        return getLong(MAX_OUTSTANDING_BYTES_CONFIG);
    }

    public Duration putMaxWait() {
        return Duration.ofMillis(getLong(PUT_MAX_WAIT_CONFIG));
    }

    public int maxRetries() {
        return getInt(RETRIES_CONFIG);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_CONFIG));
    }

    /** The re-send waits: from {@link #retryBackoff()} up to 10 times it, with jitter. */
    public ExponentialBackoff retryBackoffPolicy() {
        return ExponentialBackoff.withJitter(retryBackoff(), retryBackoff().multipliedBy(10));
    }

    public Duration flushTimeout() {
        return Duration.ofMillis(getLong(FLUSH_TIMEOUT_CONFIG));
    }

    public Duration summaryInterval() {
        Long deprecated = getLong(SUMMARY_INTERVAL_DEPRECATED_CONFIG);
        boolean onlyTheOldName =
                deprecated != null && !originals().containsKey(SUMMARY_INTERVAL_CONFIG);
        return Duration.ofMillis(onlyTheOldName ? deprecated : getLong(SUMMARY_INTERVAL_CONFIG));
    }

    public SinkWriter writer() {
        return ConfigChoices.of(SinkWriter.class, getString(WRITER_CONFIG));
    }

    public boolean aggregationEnabled() {
        return getBoolean(AGGREGATION_ENABLED_CONFIG);
    }

    public int aggregationMaxBytes() {
        return getInt(AGGREGATION_MAX_BYTES_CONFIG);
    }

    public int aggregationMaxRecords() {
        return getInt(AGGREGATION_MAX_RECORDS_CONFIG);
    }

    public long shardWriteBytesPerSecond() {
        return getLong(SHARD_BYTES_RATE_CONFIG);
    }

    public long shardWriteRecordsPerSecond() {
        return getLong(SHARD_RECORDS_RATE_CONFIG);
    }

    /** The KPL settings given as {@code kpl.<Key>}, keyed without the prefix, in key order. */
    public Map<String, String> kplSettings() {
        Map<String, String> kpl = new LinkedHashMap<>();
        originalsWithPrefix(KPL_PREFIX).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> kpl.put(e.getKey(), String.valueOf(e.getValue())));
        return kpl;
    }
}
