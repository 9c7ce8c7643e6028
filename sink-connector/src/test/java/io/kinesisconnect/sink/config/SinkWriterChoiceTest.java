package io.kinesisconnect.sink.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.sink.KinesisSinkConnector;
import io.kinesisconnect.sink.RecordWriters;
import io.kinesisconnect.sink.TestConfigs;
import io.kinesisconnect.sink.write.KinesisRecordWriter;
import io.kinesisconnect.sink.write.sdk.SdkRecordWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** kinesis.writer: its default, its validation, and which writer a task builds from it. */
class SinkWriterChoiceTest {

    private static Map<String, List<String>> errors(Map<String, String> props) {
        Config config = new KinesisSinkConnector().validate(props);
        return config.configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    private static boolean visible(Map<String, String> props, String key) {
        return new KinesisSinkConnector()
                .validate(props).configValues().stream()
                        .filter(v -> v.name().equals(key))
                        .findFirst()
                        .orElseThrow()
                        .visible();
    }

    @Test
    void theKplIsTheDefaultAndTheSdkSettingsHaveTheirDefaults() {
        KinesisSinkConfig config = TestConfigs.config();

        assertThat(config.writer()).isEqualTo(SinkWriter.KPL);
        assertThat(config.aggregationEnabled()).isTrue();
        assertThat(config.aggregationMaxBytes()).isEqualTo(1024 * 1024);
        assertThat(config.shardWriteBytesPerSecond()).isEqualTo(1024 * 1024);
        assertThat(config.shardWriteRecordsPerSecond()).isEqualTo(1_000);
        assertThat(TestConfigs.config(KinesisSinkConfig.WRITER_CONFIG, " SDK ").writer())
                .isEqualTo(SinkWriter.SDK);
    }

    @Test
    void anUnknownWriterIsRefusedNamingTheKeyTheValueAndTheChoices() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TestConfigs.config(KinesisSinkConfig.WRITER_CONFIG, "kcl"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kinesis.writer")
                .hasMessageContaining("kcl")
                .hasMessageContaining("[kpl, sdk]");
    }

    @Test
    void theSdkSettingsShowOnlyForTheSdkWriter() {
        String key = KinesisSinkConfig.AGGREGATION_MAX_BYTES_CONFIG;
        assertThat(visible(TestConfigs.props("aws.endpoint", "https://127.0.0.1:1"), key))
                .isFalse();
        assertThat(
                        visible(
                                TestConfigs.props(
                                        "aws.endpoint",
                                        "https://127.0.0.1:1",
                                        KinesisSinkConfig.WRITER_CONFIG,
                                        "sdk"),
                                key))
                .isTrue();
    }

    @Test
    void anHttpEndpointIsFineForTheSdkWriterOnly() {
        Map<String, String> kpl = TestConfigs.props("aws.endpoint", "http://127.0.0.1:1");
        Map<String, String> sdk =
                TestConfigs.props(
                        "aws.endpoint",
                        "http://127.0.0.1:1",
                        KinesisSinkConfig.WRITER_CONFIG,
                        "sdk");

        assertThat(errors(kpl)).containsOnlyKeys("aws.endpoint");
        assertThat(errors(sdk)).isEmpty();
    }

    @Test
    void theTaskBuildsTheSdkWriterWhenAskedTo() {
        KinesisSinkConfig config =
                TestConfigs.config(
                        KinesisSinkConfig.WRITER_CONFIG,
                        "sdk",
                        "aws.endpoint",
                        "http://127.0.0.1:1",
                        "aws.credentials.provider",
                        "basic",
                        "aws.access.key.id",
                        "test",
                        "aws.secret.access.key",
                        "test");

        try (KinesisRecordWriter writer = RecordWriters.create(config, "choice-0")) {
            assertThat(writer).isInstanceOf(SdkRecordWriter.class);
            assertThat(writer.retriesInternally()).isTrue();
        }
    }
}
