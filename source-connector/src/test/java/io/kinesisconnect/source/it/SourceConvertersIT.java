package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.processes.TopicReader;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.source.KinesisSourceConnector;
import io.kinesisconnect.source.record.KinesisHeaders;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same stream through ByteArrayConverter, StringConverter and JsonConverter. */
class SourceConvertersIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final byte[] NOT_UTF8 = {(byte) 0xc3, (byte) 0x28, 0x00, (byte) 0xff};

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(2);

    private static String stream;

    @BeforeAll
    static void prepare() {
        stream = KINESIS.streams().create("conv", 1);
        new StreamWriter(KINESIS.client())
                .putAll(
                        stream,
                        List.of(
                                new StreamWriter.Entry(
                                        "text", "héllo wörld".getBytes(StandardCharsets.UTF_8)),
                                new StreamWriter.Entry("binary", NOT_UTF8)));
    }

    @Test
    void byteArrayConverterWritesTheExactBytes() {
        List<ConsumerRecord<byte[], byte[]>> records =
                run("bytes", "org.apache.kafka.connect.converters.ByteArrayConverter", Map.of());

        assertThat(records.get(0).value())
                .isEqualTo("héllo wörld".getBytes(StandardCharsets.UTF_8));
        assertThat(records.get(1).value()).isEqualTo(NOT_UTF8);
        assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("text");
    }

    @Test
    void stringConverterWritesTheTextAndBase64ForBytesThatAreNotUtf8() {
        List<ConsumerRecord<byte[], byte[]>> records =
                run(
                        "string",
                        "org.apache.kafka.connect.storage.StringConverter",
                        Map.of(KinesisSourceConfig.VALUE_SCHEMA_CONFIG, "string"));

        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8))
                .isEqualTo("héllo wörld");
        assertThat(Base64.getDecoder().decode(records.get(1).value())).isEqualTo(NOT_UTF8);
        Header encoding = records.get(1).headers().lastHeader(KinesisHeaders.VALUE_ENCODING);
        assertThat(new String(encoding.value(), StandardCharsets.UTF_8)).isEqualTo("base64");
        assertThat(records.get(0).headers().lastHeader(KinesisHeaders.VALUE_ENCODING)).isNull();
    }

    @Test
    void jsonConverterWritesBytesAsBase64InItsEnvelope() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records =
                run(
                        "json",
                        "org.apache.kafka.connect.json.JsonConverter",
                        Map.of("value.converter.schemas.enable", "true"));

        JsonNode envelope = new ObjectMapper().readTree(records.get(1).value());
        assertThat(envelope.path("schema").path("type").asText()).isEqualTo("bytes");
        assertThat(Base64.getDecoder().decode(envelope.path("payload").asText()))
                .isEqualTo(NOT_UTF8);
    }

    @Test
    void stringConverterWithBytesValuesIsRefusedAtValidation() {
        Map<String, String> config =
                config("refused", "org.apache.kafka.connect.storage.StringConverter", Map.of());

        JsonNode validation =
                CONNECT.cluster().validate(KinesisSourceConnector.class.getName(), config).json();

        assertThat(validation.path("error_count").asInt()).isEqualTo(1);
        assertThat(validation.toString()).contains("StringConverter cannot write bytes values");
    }

    private static List<ConsumerRecord<byte[], byte[]>> run(
            String name, String converter, Map<String, String> extra) {
        Map<String, String> config = config(name, converter, extra);
        CONNECT.cluster().putConnectorConfig(name, config).requireSuccess("create " + name);
        CONNECT.cluster().awaitRunning(name, 1, TIMEOUT);
        return new TopicReader(CONNECT.cluster().bootstrapServers(), false)
                .awaitAtLeast(stream + "." + name, 2, TIMEOUT);
    }

    private static Map<String, String> config(
            String name, String converter, Map<String, String> extra) {
        Map<String, String> config =
                SourceTestConfigs.forEmulator(KINESIS.emulator(), name, List.of(stream), 1);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        config.put(KinesisSourceConfig.TOPIC_TEMPLATE_CONFIG, "${stream}." + name);
        config.put("topic.creation.default.partitions", "1");
        config.put("value.converter", converter);
        config.putAll(extra);
        return config;
    }
}
