package io.kinesisconnect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.sink.config.KinesisSinkConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class KinesisSinkConnectorTest {

    private static Map<String, List<String>> errors(Map<String, String> props) {
        Config config = new KinesisSinkConnector().validate(props);
        return config.configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void validConfigWithoutEndpointHasNoErrors() {
        // no endpoint reachable from here: the stream check is left out, not an error
        assertThat(errors(TestConfigs.props("aws.endpoint", "https://127.0.0.1:1"))).isEmpty();
    }

    @Test
    void validateNamesTheUnknownKplKeyAndTheHttpEndpoint() {
        Map<String, List<String>> errors =
                errors(
                        TestConfigs.props(
                                "kpl.NoSuchKey", "1",
                                "aws.endpoint", "http://127.0.0.1:4567"));
        assertThat(errors).containsOnlyKeys("kpl.NoSuchKey", "aws.endpoint");
    }

    @Test
    void theSdkWriterStartsWithAnHttpEndpointAndTheKplWriterDoesNot() {
        KinesisSinkConnector sdk = new KinesisSinkConnector();
        sdk.start(
                TestConfigs.props(
                        "aws.endpoint",
                        "http://127.0.0.1:4567",
                        KinesisSinkConfig.WRITER_CONFIG,
                        "sdk"));
        sdk.stop();

        assertThatThrownBy(
                        () ->
                                new KinesisSinkConnector()
                                        .start(
                                                TestConfigs.props(
                                                        "aws.endpoint",
                                                        "http://127.0.0.1:4567",
                                                        KinesisSinkConfig.WRITER_CONFIG,
                                                        "kpl")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("connects only over TLS");
    }

    @Test
    void crossFieldProblemsAreReportedOnTheKeyToChange() {
        Map<String, List<String>> errors =
                errors(
                        TestConfigs.props(
                                KinesisSinkConfig.STREAM_CONFIG, "",
                                KinesisSinkConfig.PARTITION_KEY_SOURCE_CONFIG, "field",
                                KinesisSinkConfig.HASH_KEY_SOURCE_CONFIG, "pin-partition",
                                KinesisSinkConfig.NULL_KEY_CONFIG, "sometimes"));
        assertThat(errors).containsOnlyKeys(KinesisSinkConfig.NULL_KEY_CONFIG);
        errors =
                errors(
                        TestConfigs.props(
                                KinesisSinkConfig.STREAM_CONFIG, "",
                                KinesisSinkConfig.PARTITION_KEY_SOURCE_CONFIG, "field",
                                KinesisSinkConfig.HASH_KEY_SOURCE_CONFIG, "pin-partition"));
        assertThat(errors)
                .containsOnlyKeys(
                        KinesisSinkConfig.STREAM_CONFIG,
                        KinesisSinkConfig.PARTITION_KEY_FIELD_CONFIG,
                        KinesisSinkConfig.HASH_KEY_PARTITIONS_CONFIG);
    }

    @Test
    void everyKeyHasGroupOrderWidthAndDisplayName() {
        for (ConfigDef.ConfigKey key : KinesisSinkConfig.CONFIG_DEF.configKeys().values()) {
            assertThat(key.group).as(key.name).isNotBlank();
            assertThat(key.orderInGroup).as(key.name).isPositive();
            assertThat(key.displayName).as(key.name).isNotBlank();
            assertThat(key.documentation).as(key.name).isNotBlank();
        }
    }

    @Test
    void recommendersHideKeysThatDoNotApply() {
        Map<String, ConfigValue> values =
                new KinesisSinkConnector()
                        .validate(TestConfigs.props()).configValues().stream()
                                .collect(Collectors.toMap(ConfigValue::name, v -> v));
        assertThat(values.get(KinesisSinkConfig.STREAM_MAPPING_CONFIG).visible()).isFalse();
        assertThat(values.get(KinesisSinkConfig.PARTITION_KEY_FIELD_CONFIG).visible()).isFalse();
        assertThat(values.get(KinesisSinkConfig.STREAM_CONFIG).visible()).isTrue();
    }

    @Test
    void taskConfigsCarryTheTaskIndex() {
        KinesisSinkConnector connector = new KinesisSinkConnector();
        connector.start(TestConfigs.props());
        List<Map<String, String>> configs = connector.taskConfigs(3);
        assertThat(configs)
                .extracting(c -> c.get(KinesisSinkTask.TASK_ID_CONFIG))
                .containsExactly("0", "1", "2");
        assertThat(configs.get(2)).containsEntry(KinesisSinkConfig.STREAM_CONFIG, "out");
    }
}
