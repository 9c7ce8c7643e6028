package io.kinesisconnect.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.keys.StartupMode;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** kinesis.startup.position: parsing, its message when wrong, and when the date key is shown. */
class StartupPositionConfigTest {

    @Test
    void theModeIsParsedInAnyCaseAndLatestIsTheDefault() {
        assertThat(new KinesisSourceConfig(props(Map.of())).startupMode())
                .isEqualTo(StartupMode.LATEST);
        assertThat(
                        new KinesisSourceConfig(
                                        props(
                                                Map.of(
                                                        KinesisSourceConfig.STARTUP_POSITION_CONFIG,
                                                        " Earliest ")))
                                .startupMode())
                .isEqualTo(StartupMode.EARLIEST);
    }

    @Test
    void anUnknownModeIsRefusedNamingTheKeyTheValueAndTheModes() {
        Map<String, ConfigValue> values =
                validate(Map.of(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "yesterday"));

        assertThat(values.get(KinesisSourceConfig.STARTUP_POSITION_CONFIG).errorMessages())
                .singleElement()
                .asString()
                .contains("kinesis.startup.position", "yesterday", "[latest, earliest, date]");
        assertThat(values.get(KinesisSourceConfig.STARTUP_POSITION_CONFIG).recommendedValues())
                .containsExactly("latest", "earliest", "date");
    }

    @Test
    void theDateKeyIsShownOnlyWithTheModeDate() {
        assertThat(validate(Map.of()).get(KinesisSourceConfig.STARTUP_DATE_CONFIG).visible())
                .isFalse();
        assertThat(
                        validate(Map.of(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "DATE"))
                                .get(KinesisSourceConfig.STARTUP_DATE_CONFIG)
                                .visible())
                .isTrue();
    }

    private static Map<String, ConfigValue> validate(Map<String, String> extra) {
        Map<String, ConfigValue> byName = new HashMap<>();
        KinesisSourceConfig.CONFIG_DEF
                .validate(props(extra))
                .forEach(value -> byName.put(value.name(), value));
        return byName;
    }

    private static Map<String, String> props(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(extra);
        props.put(KinesisSourceConfig.STREAMS_CONFIG, "orders");
        return props;
    }
}
