package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.LandedRecord;
import io.kinesisconnect.processes.StreamContents;
import io.kinesisconnect.processes.TopicReader;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.KplTestProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records written by the KPL arrive one by one with their own keys, and resume exactly
 * mid-aggregate, with either reader type.
 */
class SourceKplAggregatedIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int RECORDS = 2_000;

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(2);

    private static String stream;
    private static KeyedRecords records;
    private static StreamContents landed;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"polling", "efo"})
    void userRecordsArriveWithTheirOwnKeysAndARestartMidAggregateNeitherSkipsNorRepeats(
            String readerType) throws Exception {
        writeOnce();
        String name = "kpl-in-" + readerType;
        String topic = stream + "-" + readerType;
        // One partition: the topic's order is then the order the task emitted in.
        CONNECT.cluster().embedded().kafka().createTopic(topic, 1);

        Map<String, String> config =
                SourceTestConfigs.forReader(
                        KINESIS.emulator(), name, List.of(stream), 1, readerType);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        config.put(KinesisSourceConfig.POLL_BATCH_CONFIG, "7");
        config.put(KinesisSourceConfig.TOPIC_TEMPLATE_CONFIG, "${stream}-" + readerType);
        CONNECT.cluster().putConnectorConfig(name, config).requireSuccess("create");
        CONNECT.cluster().awaitRunning(name, 1, TIMEOUT);

        Delivered first =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(), topic, records.all(), false, TIMEOUT);
        assertThat(first.duplicates()).isZero();
        // The KPL does not keep per-key order when it writes, so the stream's own order is the
        // reference: each key's records must reach Kafka in the order the stream holds them.
        Map<String, List<String>> streamOrder = new java.util.HashMap<>();
        landed.records()
                .forEach(
                        r ->
                                streamOrder
                                        .computeIfAbsent(r.partitionKey(), k -> new ArrayList<>())
                                        .add(r.dataAsString()));
        assertThat(first.firstDeliveriesByKey()).isEqualTo(streamOrder);
        assertThat(first.keysMatchValues())
                .as("each user record carries its own partition key")
                .isTrue();

        // Move the committed position into the middle of an aggregate, as a crash there would.
        LandedRecord middle = middleOfAnAggregate(landed);
        CONNECT.cluster().stop(name).requireSuccess("stop");
        CONNECT.cluster().awaitStopped(name, TIMEOUT);
        CONNECT.cluster()
                .alterOffsets(
                        name,
                        Map.of(
                                "offsets",
                                List.of(
                                        Map.of(
                                                "partition",
                                                        Map.of(
                                                                "stream",
                                                                stream,
                                                                "shard",
                                                                middle.shardId()),
                                                "offset",
                                                        Map.of(
                                                                "sequence",
                                                                middle.sequenceNumber(),
                                                                "subsequence",
                                                                middle.subSequenceNumber(),
                                                                "finished",
                                                                false)))))
                .requireSuccess("alter offsets");
        CONNECT.cluster().resume(name).requireSuccess("resume");
        CONNECT.cluster().awaitRunning(name, 1, TIMEOUT);

        List<String> expected = valuesAfter(landed, middle);
        TopicReader reader = new TopicReader(CONNECT.cluster().bootstrapServers(), false);
        List<ConsumerRecord<byte[], byte[]>> all =
                reader.awaitAtLeast(topic, RECORDS + expected.size(), TIMEOUT);
        List<String> replayed = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : all.subList(RECORDS, all.size())) {
            replayed.add(new String(record.value(), StandardCharsets.UTF_8));
        }
        assertThat(replayed).containsExactlyElementsOf(expected);
        // This reader type is done: its CPU is not to slow the next one.
        CONNECT.cluster().delete(name).requireSuccess("delete " + name);
        System.out.printf(
                "KPL input (%s): %d user records in %d Kinesis records; resumed at %s/%d and"
                        + " replayed %d%n",
                readerType,
                RECORDS,
                landed.kinesisRecordCount(),
                middle.shardId(),
                middle.subSequenceNumber(),
                replayed.size());
    }

    /** One KPL-written stream for both reader types: the KPL is slow to start. */
    private static synchronized void writeOnce() throws Exception {
        if (stream != null) {
            return;
        }
        stream = KINESIS.streams().create("kpl-in", 2);
        records = new KeyedRecords(50);
        KplTestProducer.writeAggregated(KINESIS.emulator(), stream, records.next(RECORDS));
        landed = KINESIS.reader().readAll(stream);
        assertThat(landed.kinesisRecordCount()).as("the KPL aggregated").isLessThan(RECORDS);
    }

    /** A user record inside an aggregate with user records after it in the same aggregate. */
    private static LandedRecord middleOfAnAggregate(StreamContents landed) {
        List<LandedRecord> records = landed.records();
        for (int i = 1; i + 1 < records.size(); i++) {
            LandedRecord record = records.get(i);
            LandedRecord next = records.get(i + 1);
            if (record.aggregated()
                    && record.subSequenceNumber() > 0
                    && next.sequenceNumber().equals(record.sequenceNumber())) {
                return record;
            }
        }
        throw new AssertionError("No aggregate with at least three user records");
    }

    /** The values the shard holds after {@code position}, in order. */
    private static List<String> valuesAfter(StreamContents landed, LandedRecord position) {
        List<String> values = new ArrayList<>();
        boolean after = false;
        for (LandedRecord record : landed.records()) {
            if (!record.shardId().equals(position.shardId())) {
                continue;
            }
            if (after) {
                values.add(record.dataAsString());
            }
            after |=
                    record.sequenceNumber().equals(position.sequenceNumber())
                            && record.subSequenceNumber() == position.subSequenceNumber();
        }
        return values;
    }
}
