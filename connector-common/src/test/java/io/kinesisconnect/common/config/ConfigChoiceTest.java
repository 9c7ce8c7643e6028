package io.kinesisconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The one way both connectors write, parse and recommend an enum-valued setting. */
class ConfigChoiceTest {

    enum Fruit implements ConfigChoice {
        APPLE,
        BLOOD_ORANGE
    }

    @Test
    void configValuesAreLowerCaseAndDashSeparatedInDeclarationOrder() {
        assertThat(Fruit.BLOOD_ORANGE.configValue()).isEqualTo("blood-orange");
        assertThat(ConfigChoice.values(Fruit.class)).containsExactly("apple", "blood-orange");
    }

    @Test
    void parsingIgnoresCaseAndSurroundingBlanksAndRefusesAnythingElse() {
        assertThat(ConfigChoice.parse(Fruit.class, " Blood-Orange ")).contains(Fruit.BLOOD_ORANGE);
        assertThat(ConfigChoice.parse(Fruit.class, "BLOOD_ORANGE")).isEmpty();
        assertThat(ConfigChoice.parse(Fruit.class, null)).isEmpty();
        assertThat(ConfigChoices.of(Fruit.class, "APPLE")).isEqualTo(Fruit.APPLE);
        assertThatThrownBy(() -> ConfigChoices.of(Fruit.class, "pear"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pear")
                .hasMessageContaining("[apple, blood-orange]");
    }

    @Test
    void theValidatorNamesTheKeyTheValueAndTheAcceptedValues() {
        ConfigDef.Validator validator = ConfigChoices.validator(Fruit.class);
        validator.ensureValid("fruit", "apple");
        validator.ensureValid("fruit", "BLOOD-ORANGE");
        assertThatThrownBy(() -> validator.ensureValid("fruit", "pear"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fruit")
                .hasMessageContaining("pear")
                .hasMessageContaining("must be one of [apple, blood-orange]");
        assertThatThrownBy(() -> validator.ensureValid("fruit", null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fruit");
        assertThat(validator).hasToString("apple, blood-orange");
    }

    @Test
    void theRecommenderOffersEveryValueAndAlwaysShowsTheKey() {
        ConfigDef.Recommender recommender = ConfigChoices.recommender(Fruit.class);
        assertThat(recommender.validValues("fruit", Map.of()))
                .containsExactly("apple", "blood-orange");
        assertThat(recommender.visible("fruit", Map.of())).isTrue();
    }
}
