package io.kinesisconnect.source.efo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.source.KinesisSourceConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class EfoConfigFragmentTest {

    @Test
    void pollingIsTheDefaultAndTheEfoKeysAreHiddenWithIt() {
        Map<String, ConfigValue> values = validate(Map.of());

        assertThat(new KinesisSourceConfig(base(Map.of())).efo().readerType())
                .isEqualTo(ReaderType.POLLING);
        assertThat(values.get(EfoConfigFragment.CONSUMER_NAME_CONFIG).visible()).isFalse();
        assertThat(values.get(EfoConfigFragment.REGISTRATION_CONFIG).visible()).isFalse();
        assertThat(values.get(EfoConfigFragment.MAX_AGE_CONFIG).visible()).isFalse();
    }

    @Test
    void efoShowsItsKeysAndOffersTheRegistrations() {
        Map<String, ConfigValue> values =
                validate(Map.of(EfoConfigFragment.READER_TYPE_CONFIG, "EFO"));

        assertThat(values.get(EfoConfigFragment.CONSUMER_NAME_CONFIG).visible()).isTrue();
        assertThat(values.get(EfoConfigFragment.REGISTRATION_CONFIG).recommendedValues())
                .containsExactly("eager", "self-managed");
        assertThat(values.get(EfoConfigFragment.READER_TYPE_CONFIG).recommendedValues())
                .containsExactly("polling", "efo");
    }

    @Test
    void theConsumerNameDefaultsToTheConnectorName() {
        EfoConfigFragment efo =
                new KinesisSourceConfig(base(Map.of(EfoConfigFragment.READER_TYPE_CONFIG, "efo")))
                        .efo();

        assertThat(efo.consumerName("orders-source")).isEqualTo("orders-source");
        assertThat(efo.registration()).isEqualTo(EfoRegistration.EAGER);
        assertThat(efo.subscriptionMaxAge()).isLessThan(java.time.Duration.ofMinutes(5));
    }

    @Test
    void badValuesNameTheKeyTheValueAndWhatIsAccepted() {
        Map<String, ConfigValue> values =
                validate(
                        Map.of(
                                EfoConfigFragment.READER_TYPE_CONFIG, "push",
                                EfoConfigFragment.CONSUMER_NAME_CONFIG, "my app",
                                EfoConfigFragment.REGISTRATION_CONFIG, "lazy",
                                EfoConfigFragment.MAX_AGE_CONFIG, "600000"));

        assertThat(values.get(EfoConfigFragment.READER_TYPE_CONFIG).errorMessages())
                .singleElement()
                .asString()
                .contains("push", "kinesis.reader.type", "[polling, efo]");
        assertThat(values.get(EfoConfigFragment.CONSUMER_NAME_CONFIG).errorMessages())
                .singleElement()
                .asString()
                .contains("my app", "1 to 128 characters");
        assertThat(values.get(EfoConfigFragment.REGISTRATION_CONFIG).errorMessages())
                .singleElement()
                .asString()
                .contains("lazy", "kinesis.efo.registration", "[eager, self-managed]");
        assertThat(values.get(EfoConfigFragment.MAX_AGE_CONFIG).errorMessages())
                .singleElement()
                .asString()
                .contains("600000", "300000");
    }

    @Test
    void aConnectorNameThatCannotNameAConsumerIsReportedOnTheConsumerKey() {
        Map<String, String> props = base(Map.of(EfoConfigFragment.READER_TYPE_CONFIG, "efo"));

        Map<String, List<String>> errors =
                new KinesisSourceConfig(props).efo().validate(Optional.of("orders source"));

        assertThat(errors.get(EfoConfigFragment.CONSUMER_NAME_CONFIG))
                .singleElement()
                .asString()
                .contains("'orders source'", "set kinesis.efo.consumer.name");
    }

    private static Map<String, ConfigValue> validate(Map<String, String> extra) {
        Map<String, ConfigValue> byName = new HashMap<>();
        KinesisSourceConfig.CONFIG_DEF
                .validate(base(extra))
                .forEach(value -> byName.put(value.name(), value));
        return byName;
    }

    private static Map<String, String> base(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(extra);
        props.put(KinesisSourceConfig.STREAMS_CONFIG, "orders");
        return props;
    }
}
