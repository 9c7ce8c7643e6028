package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.LandedRecord;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.processes.TopicReader;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.source.KinesisSourceConnector;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.RestResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad configs are refused with errors naming the key; offsets can be altered through REST. */
class SourceConfigAndOffsetsIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(2);

    private static String stream;

    @BeforeAll
    static void createStream() {
        stream = KINESIS.streams().create("config", 1);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "kinesis.streams|no-such-stream|do not exist",
                "kinesis.startup.date|yesterday at noon|Not a date; accepted:",
                "tasks.max|0|Value must be at least 1",
                "aws.region|eu_west_1|not a region id",
                "kinesis.get.records.interval.ms|50|Value must be at least 200",
            })
    void badConfigIsReportedOnItsKeyAndNeverRuns(String key, String value, String message) {
        String name = "bad-" + key.replace('.', '-');
        Map<String, String> config =
                SourceTestConfigs.forEmulator(KINESIS.emulator(), name, List.of(stream), 1);
        config.put(key, value);
        if (key.equals(KinesisSourceConfig.STARTUP_DATE_CONFIG)) {
            config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "date");
        }

        JsonNode validation =
                CONNECT.cluster().validate(KinesisSourceConnector.class.getName(), config).json();
        assertThat(errorsOf(validation, key)).anySatisfy(e -> assertThat(e).contains(message));

        RestResponse create = CONNECT.cluster().putConnectorConfig(name, config);
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.body()).contains(key);
        assertThat(CONNECT.cluster().status(name).status()).isEqualTo(404);
    }

    @Test
    void aDateModeWithoutADateIsReportedOnTheDateKey() {
        Map<String, String> config =
                SourceTestConfigs.forEmulator(KINESIS.emulator(), "no-date", List.of(stream), 1);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "date");

        JsonNode validation =
                CONNECT.cluster().validate(KinesisSourceConnector.class.getName(), config).json();

        assertThat(errorsOf(validation, KinesisSourceConfig.STARTUP_DATE_CONFIG))
                .anySatisfy(e -> assertThat(e).contains("needs kinesis.startup.date"));
    }

    @Test
    void offsetsAreValidatedAndAnAlteredOffsetMovesTheConnector() {
        String topic = KINESIS.streams().create("alter", 1);
        List<StreamWriter.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(
                    new StreamWriter.Entry("key", ("value-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        new StreamWriter(KINESIS.client()).putAll(topic, entries);
        Map<String, String> config =
                SourceTestConfigs.forEmulator(KINESIS.emulator(), "alter", List.of(topic), 1);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        CONNECT.cluster().putConnectorConfig("alter", config).requireSuccess("create");
        CONNECT.cluster().awaitRunning("alter", 1, TIMEOUT);
        TopicReader reader = new TopicReader(CONNECT.cluster().bootstrapServers(), false);
        reader.awaitAtLeast(topic, 10, TIMEOUT);
        CONNECT.cluster().stop("alter").requireSuccess("stop");
        CONNECT.cluster().awaitStopped("alter", TIMEOUT);
        String shard = KINESIS.streams().shards(topic).get(0).shardId();

        RestResponse invalid =
                CONNECT.cluster()
                        .alterOffsets("alter", offsets(topic, shard, Map.of("sequence", "abc")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body())
                .contains(
                        "Invalid \\\"sequence\\\" \\\"abc\\\" in source offset; expected a Kinesis sequence number as a string of digits");

        List<LandedRecord> landed = KINESIS.reader().readAll(topic).records();
        String fifth = landed.get(4).sequenceNumber();
        CONNECT.cluster()
                .alterOffsets(
                        "alter",
                        offsets(
                                topic,
                                shard,
                                Map.of("sequence", fifth, "subsequence", 0, "finished", false)))
                .requireSuccess("alter offsets");
        CONNECT.cluster().resume("alter").requireSuccess("resume");
        CONNECT.cluster().awaitRunning("alter", 1, TIMEOUT);

        List<String> values =
                reader.awaitAtLeast(topic, 15, TIMEOUT).stream()
                        .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                        .toList();
        assertThat(values.subList(10, 15))
                .containsExactly("value-5", "value-6", "value-7", "value-8", "value-9");
    }

    private static Map<String, Object> offsets(
            String topic, String shard, Map<String, Object> offset) {
        return Map.of(
                "offsets",
                List.of(
                        Map.of(
                                "partition",
                                Map.of("stream", topic, "shard", shard),
                                "offset",
                                offset)));
    }

    private static List<String> errorsOf(JsonNode validation, String key) {
        List<String> errors = new ArrayList<>();
        for (JsonNode config : validation.path("configs")) {
            if (key.equals(config.path("value").path("name").asText())) {
                config.path("value").path("errors").forEach(e -> errors.add(e.asText()));
            }
        }
        return errors;
    }
}
