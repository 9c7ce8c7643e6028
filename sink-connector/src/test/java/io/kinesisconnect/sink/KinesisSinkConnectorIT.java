package io.kinesisconnect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.LandedRecord;
import io.kinesisconnect.processes.StreamContents;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.config.SinkWriter;
import io.kinesisconnect.testkit.ConnectTestCluster;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.converters.IntegerConverter;
import org.apache.kafka.connect.converters.LongConverter;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sink on a two-worker Connect cluster writing to kinesis-mock's TLS port; what landed is read
 * back by the test kit's independent reader.
 */
class KinesisSinkConnectorIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    private static ConnectTestCluster connect;

    @BeforeAll
    static void startCluster() {
        connect =
                ConnectTestCluster.builder()
                        .name("sink-it")
                        .workers(2)
                        // room for a record over Kinesis' 1 MiB limit, in Kafka and in the DLQ
                        .brokerProperty("message.max.bytes", "3000000")
                        .workerProperty("producer.max.request.size", "3000000")
                        .start();
    }

    /** Deletes what a test left behind, also when it failed, so no task outlives its test. */
    @AfterEach
    void deleteConnectors() {
        connect.request("GET", "connectors", null).json().forEach(c -> connect.delete(c.asText()));
    }

    @AfterAll
    static void stopCluster() {
        if (connect != null) {
            connect.close();
        }
    }

    private static Map<String, String> config(String name, String topics, String stream) {
        return SinkItSupport.connectorConfig(KINESIS.emulator(), name, topics, stream);
    }

    /** The same config with {@code kinesis.writer} set: the delivery contract holds for both. */
    private static Map<String, String> config(
            String name, String topics, String stream, SinkWriter writer) {
        Map<String, String> config = config(name, topics, stream);
        config.put(KinesisSinkConfig.WRITER_CONFIG, writer.configValue());
        return config;
    }

    private static void run(String name, Map<String, String> config) {
        connect.putConnectorConfig(name, config).requireSuccess("create " + name);
        connect.awaitRunning(name, 1, TIMEOUT);
    }

    private static long committed(String name) {
        long total = 0;
        for (JsonNode o : connect.offsets(name).json().path("offsets")) {
            total += o.path("offset").path("kafka_offset").asLong();
        }
        return total;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(SinkWriter.class)
    void twentyThousandRecordsArriveExactlyOnceWithTheirBytesAndKeysAggregated(SinkWriter writer) {
        int records = 20_000;
        String topic = "throughput-" + writer.configValue();
        connect.embedded().kafka().createTopic(topic, 4);
        String stream = KINESIS.streams().create("sink-throughput-" + writer.configValue(), 4);
        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
        Map<String, String> keyByValue = new HashMap<>();
        for (int i = 0; i < records; i++) {
            String key = "key-" + (i % 500);
            String value = String.format("%06d-", i) + "x".repeat(93);
            keyByValue.put(value, key);
            sent.add(new ProducerRecord<>(topic, utf8(key), utf8(value)));
        }
        SinkItSupport.produce(connect, sent);

        String name = "throughput-" + writer.configValue();
        Map<String, String> config = config(name, topic, stream, writer);
        config.put("key.converter", StringConverter.class.getName());
        config.put(KinesisSinkConfig.MAX_OUTSTANDING_CONFIG, "5000");
        long started = System.nanoTime();
        run(name, config);
        Await.until(
                "the task to have written " + records + " records",
                TIMEOUT,
                () -> SinkItSupport.taskMetric(name, 0, "RecordsWritten") >= records,
                () -> SinkItSupport.taskMetric(name, 0, "RecordsWritten") + " written");
        double seconds = (System.nanoTime() - started) / 1e9;
        StreamContents landed = KINESIS.reader().awaitAtLeast(stream, records, TIMEOUT);

        Map<String, Long> copies =
                landed.records().stream()
                        .collect(
                                Collectors.groupingBy(
                                        LandedRecord::dataAsString, Collectors.counting()));
        assertThat(copies)
                .as("every record exactly once")
                .hasSize(records)
                .allSatisfy((v, n) -> assertThat(n).isOne());
        for (LandedRecord r : landed.records()) {
            assertThat(r.partitionKey()).isEqualTo(keyByValue.get(r.dataAsString()));
        }
        assertThat(landed.kinesisRecordCount()).as("the writer aggregated").isLessThan(records);
        assertThat(landed.countByShard()).hasSize(4);
        Await.until(
                "offsets of all records to be committed",
                TIMEOUT,
                () -> committed(name) == records,
                () -> "committed " + committed(name));
        System.out.printf(
                "Sink throughput (%s): %d records of 100 B, one task, in %.1f s incl. task start"
                        + " (%.0f rec/s); %d Kinesis records (aggregation %.1fx); per-key order"
                        + " inversions %d%n",
                writer.configValue(),
                records,
                seconds,
                records / seconds,
                landed.kinesisRecordCount(),
                (double) records / landed.kinesisRecordCount(),
                orderInversions(landed));
        connect.delete(name);
    }

    /** How often a record landed before an earlier record with the same partition key. */
    private static long orderInversions(StreamContents landed) {
        long inversions = 0;
        for (List<LandedRecord> perKey : landed.byPartitionKey().values()) {
            for (int i = 1; i < perKey.size(); i++) {
                if (perKey.get(i).dataAsString().compareTo(perKey.get(i - 1).dataAsString()) < 0) {
                    inversions++;
                }
            }
        }
        return inversions;
    }

    @Test
    void everyValueTypeCarriesExactlyTheBytesOfItsConverter() {
        Schema schema =
                SchemaBuilder.struct()
                        .name("order")
                        .field("id", Schema.INT32_SCHEMA)
                        .field("item", Schema.STRING_SCHEMA)
                        .build();
        Map<String, Object> json = Map.of("schemas.enable", "true");
        assertValuesRoundTrip(
                "bytes",
                org.apache.kafka.connect.converters.ByteArrayConverter.class.getName(),
                Map.of(),
                Schema.BYTES_SCHEMA,
                new byte[] {0, 1, (byte) 0xfe, (byte) 0xff});
        assertValuesRoundTrip(
                "string", StringConverter.class.getName(), Map.of(), Schema.STRING_SCHEMA, "grüße");
        assertValuesRoundTrip(
                "int", IntegerConverter.class.getName(), Map.of(), Schema.INT32_SCHEMA, 123456789);
        assertValuesRoundTrip(
                "long", LongConverter.class.getName(), Map.of(), Schema.INT64_SCHEMA, -42L);
        assertValuesRoundTrip(
                "struct",
                JsonConverter.class.getName(),
                json,
                schema,
                new Struct(schema).put("id", 7).put("item", "pen"));
        // one case for the remaining types: a top-level array of Structs with every primitive
        // and the Decimal and Timestamp logical types, as JSON with its schema
        Schema row =
                SchemaBuilder.struct()
                        .name("row")
                        .field("f", Schema.FLOAT32_SCHEMA)
                        .field("d", Schema.FLOAT64_SCHEMA)
                        .field("b", Schema.BOOLEAN_SCHEMA)
                        .field("s", Schema.INT16_SCHEMA)
                        .field("amount", Decimal.schema(2))
                        .field("at", Timestamp.SCHEMA)
                        .build();
        assertValuesRoundTrip(
                "logical",
                JsonConverter.class.getName(),
                json,
                SchemaBuilder.array(row).build(),
                List.of(
                        new Struct(row)
                                .put("f", 1.5f)
                                .put("d", -2.25)
                                .put("b", true)
                                .put("s", (short) 300)
                                .put("amount", new BigDecimal("12.34"))
                                .put("at", new java.util.Date(1_700_000_000_123L))));
        // schemaless JSON comes back as a HashMap: feed keys in the order it iterates them
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", List.of("x"));
        assertValuesRoundTrip(
                "map", JsonConverter.class.getName(), Map.of("schemas.enable", "false"), null, map);
    }

    private void assertValuesRoundTrip(
            String type,
            String converter,
            Map<String, Object> settings,
            Schema schema,
            Object value) {
        Converter kafkaSide;
        try {
            kafkaSide = (Converter) Class.forName(converter).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        kafkaSide.configure(settings, false);
        byte[] bytes = kafkaSide.fromConnectData("values-" + type, schema, value);
        assertThat(bytes).isNotEmpty();

        String topic = "values-" + type;
        connect.embedded().kafka().createTopic(topic, 1);
        String stream = KINESIS.streams().create("sink-values-" + type, 1);
        SinkItSupport.produce(connect, List.of(new ProducerRecord<>(topic, utf8("k"), bytes)));
        String name = "values-" + type;
        Map<String, String> config = config(name, topic, stream);
        config.put("value.converter", converter);
        config.put(KinesisSinkConfig.VALUE_CONVERTER_CONFIG, converter);
        settings.forEach(
                (k, v) -> {
                    config.put("value.converter." + k, v.toString());
                    config.put(KinesisSinkConfig.VALUE_CONVERTER_PREFIX + k, v.toString());
                });
        run(name, config);
        StreamContents landed = KINESIS.reader().awaitAtLeast(stream, 1, TIMEOUT);
        assertThat(landed.records())
                .singleElement()
                .satisfies(r -> assertThat(r.data()).as(type).isEqualTo(bytes));
        connect.delete(name);
    }

    @Test
    void awkwardKeysGetValidDeterministicPartitionKeysAndPinModeUsesEveryShard() throws Exception {
        String topic = "keys";
        connect.embedded().kafka().createTopic(topic, 4);
        String stream = KINESIS.streams().create("sink-keys", 4);
        byte[] longKey = utf8("k".repeat(300));
        byte[] binary = {0, 1, (byte) 0xfe};
        byte[] notUtf8 = {(byte) 0xc3, (byte) 0x28};
        Map<String, byte[]> keys = new HashMap<>();
        keys.put("null", null);
        keys.put("empty", new byte[0]);
        keys.put("long", longKey);
        keys.put("binary", binary);
        keys.put("notUtf8", notUtf8);
        keys.put("text", utf8("customer-1"));
        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            for (Map.Entry<String, byte[]> k : keys.entrySet()) {
                sent.add(
                        new ProducerRecord<>(
                                topic, 2, k.getValue(), utf8(k.getKey() + "-" + copy)));
            }
        }
        for (int p = 0; p < 4; p++) {
            for (int i = 0; i < 5; i++) {
                sent.add(
                        new ProducerRecord<>(
                                topic, p, utf8("same-key"), utf8("pinned-" + p + "-" + i)));
            }
        }
        SinkItSupport.produce(connect, sent);

        Map<String, String> config = config("keys", topic, stream);
        config.put(KinesisSinkConfig.BYTES_ENCODING_CONFIG, "utf8");
        run("keys", config);
        StreamContents landed = KINESIS.reader().awaitAtLeast(stream, sent.size(), TIMEOUT);
        Map<String, String> keyOf = new HashMap<>();
        landed.records().forEach(r -> keyOf.put(r.dataAsString(), r.partitionKey()));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(longKey));
        Map<String, String> expected =
                Map.of(
                        "null",
                        "2",
                        "empty",
                        "2",
                        "long",
                        sha,
                        "binary",
                        Base64.getEncoder().encodeToString(binary),
                        "notUtf8",
                        Base64.getEncoder().encodeToString(notUtf8),
                        "text",
                        "customer-1");
        expected.forEach(
                (k, key) -> {
                    assertThat(keyOf.get(k + "-0")).as(k).isEqualTo(key);
                    assertThat(keyOf.get(k + "-1")).as(k + " again").isEqualTo(key);
                });
        connect.delete("keys");

        String pinnedStream = KINESIS.streams().create("sink-pinned", 4);
        Map<String, String> pinned = config("pinned", topic, pinnedStream);
        pinned.put(KinesisSinkConfig.HASH_KEY_SOURCE_CONFIG, "pin-partition");
        pinned.put(KinesisSinkConfig.HASH_KEY_PARTITIONS_CONFIG, "4");
        run("pinned", pinned);
        StreamContents pins = KINESIS.reader().awaitAtLeast(pinnedStream, sent.size(), TIMEOUT);
        Map<String, Set<String>> partitionsByShard =
                pins.records().stream()
                        .filter(r -> r.dataAsString().startsWith("pinned-"))
                        .collect(
                                Collectors.groupingBy(
                                        LandedRecord::shardId,
                                        Collectors.mapping(
                                                r -> r.dataAsString().substring(7, 8),
                                                Collectors.toSet())));
        assertThat(partitionsByShard).as("one partition per shard, all four shards").hasSize(4);
        partitionsByShard.values().forEach(p -> assertThat(p).hasSize(1));
        connect.delete("pinned");
    }

    @ParameterizedTest
    @EnumSource(SinkWriter.class)
    void topicMappingAndHeaderRoutingLandRecordsWhereTheyBelong(SinkWriter writer) {
        String a = "route-a-" + writer.configValue();
        String b = "route-b-" + writer.configValue();
        connect.embedded().kafka().createTopic(a, 1);
        connect.embedded().kafka().createTopic(b, 1);
        String streamA = KINESIS.streams().create("sink-route-a", 1);
        String streamB = KINESIS.streams().create("sink-route-b", 1);
        String streamH = KINESIS.streams().create("sink-route-h", 1);
        RecordHeaders header = new RecordHeaders();
        header.add(new RecordHeader("kinesis.stream", utf8(streamH)));
        SinkItSupport.produce(
                connect,
                List.of(
                        new ProducerRecord<>(a, utf8("k"), utf8("a-1")),
                        new ProducerRecord<>(b, utf8("k"), utf8("b-1")),
                        new ProducerRecord<>(b, null, utf8("k"), utf8("h-1"), header)));
        String name = "routing-" + writer.configValue();
        Map<String, String> config = config(name, a + "," + b, "", writer);
        config.put(KinesisSinkConfig.STREAM_ROUTING_CONFIG, "header");
        config.put(
                KinesisSinkConfig.STREAM_MAPPING_CONFIG,
                a + ":" + streamA + "," + b + ":" + streamB);
        run(name, config);
        assertThat(KINESIS.reader().awaitAtLeast(streamA, 1, TIMEOUT).records())
                .extracting(LandedRecord::dataAsString)
                .containsExactly("a-1");
        assertThat(KINESIS.reader().awaitAtLeast(streamB, 1, TIMEOUT).records())
                .extracting(LandedRecord::dataAsString)
                .containsExactly("b-1");
        assertThat(KINESIS.reader().awaitAtLeast(streamH, 1, TIMEOUT).records())
                .extracting(LandedRecord::dataAsString)
                .containsExactly("h-1");
        connect.delete(name);
    }

    @Test
    void validateNamesTheUnknownKplKeyTheHttpEndpointAndTheMissingStream() {
        Map<String, String> config = config("bad", "orders", "no-such-stream");
        config.put("kpl.RecordMaxBufferTime", "100");
        Map<String, List<String>> errors = validationErrors(config);
        assertThat(errors)
                .containsOnlyKeys("kpl.RecordMaxBufferTime", KinesisSinkConfig.STREAM_CONFIG);
        assertThat(errors.get("kpl.RecordMaxBufferTime").toString())
                .contains("RecordMaxBufferedTime");
        assertThat(errors.get(KinesisSinkConfig.STREAM_CONFIG).toString())
                .contains("'no-such-stream' does not exist");

        config.remove("kpl.RecordMaxBufferTime");
        config.put("aws.endpoint", KINESIS.emulator().endpoint().toString());
        errors = validationErrors(config);
        assertThat(errors).containsKey("aws.endpoint");
        assertThat(errors.get("aws.endpoint").toString()).contains("only over TLS");
    }

    private static Map<String, List<String>> validationErrors(Map<String, String> config) {
        JsonNode answer =
                connect.validate(KinesisSinkConnector.class.getName(), config)
                        .requireSuccess("validate")
                        .json();
        Map<String, List<String>> errors = new HashMap<>();
        for (JsonNode c : answer.path("configs")) {
            List<String> messages = new ArrayList<>();
            c.path("value").path("errors").forEach(e -> messages.add(e.asText()));
            if (!messages.isEmpty()) {
                errors.put(c.path("value").path("name").asText(), messages);
            }
        }
        assertThat(answer.path("error_count").asInt())
                .isEqualTo(errors.values().stream().mapToInt(List::size).sum());
        return errors;
    }

    @ParameterizedTest
    @EnumSource(SinkWriter.class)
    void oversizedRecordGoesToTheDeadLetterTopicOrFailsTheTaskNamingIt(SinkWriter writer) {
        byte[] huge = new byte[1_100_000];
        String big = "big-" + writer.configValue();
        String dlq = "big-dlq-" + writer.configValue();
        String failing = "big-fail-" + writer.configValue();
        connect.embedded().kafka().createTopic(big, 1, 1, Map.of("max.message.bytes", "3000000"));
        String stream = KINESIS.streams().create("sink-big", 1);
        SinkItSupport.produce(
                connect,
                List.of(
                        new ProducerRecord<>(big, utf8("k"), utf8("before")),
                        new ProducerRecord<>(big, utf8("k"), huge),
                        new ProducerRecord<>(big, utf8("k"), utf8("after"))));
        Map<String, String> config = config(dlq, big, stream, writer);
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        run(dlq, config);
        assertThat(KINESIS.reader().awaitAtLeast(stream, 2, TIMEOUT).records())
                .extracting(LandedRecord::dataAsString)
                .containsExactlyInAnyOrder("before", "after");
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        connect.embedded()
                .kafka()
                .consume(1, TIMEOUT.toMillis(), Map.of("max.partition.fetch.bytes", 3_000_000), dlq)
                .forEach(dead::add);
        assertThat(dead)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.value()).hasSize(huge.length);
                            assertThat(r.headers().lastHeader("__connect.errors.topic").value())
                                    .isEqualTo(utf8(big));
                            assertThat(r.headers().lastHeader("__connect.errors.offset").value())
                                    .isEqualTo(utf8("1"));
                            assertThat(
                                            new String(
                                                    r.headers()
                                                            .lastHeader(
                                                                    "__connect.errors.exception.message")
                                                            .value(),
                                                    StandardCharsets.UTF_8))
                                    .contains("1048576");
                        });
        Await.until("offsets past the oversized record", TIMEOUT, () -> committed(dlq) == 3);
        connect.delete(dlq);

        String stream2 = KINESIS.streams().create("sink-big-fail", 1);
        run(failing, config(failing, big, stream2, writer));
        JsonNode status = connect.awaitFailure(failing, TIMEOUT);
        assertThat(status.path("tasks").get(0).path("trace").asText())
                .contains("topic=" + big + " partition=0 offset=1")
                .contains("1048576");
        connect.delete(failing);
    }
}
