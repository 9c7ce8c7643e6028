package io.kinesisconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one "show this key only when the selector is ..." recommender of both connectors. */
class VisibleWhenTest {

    enum Mode implements ConfigChoice {
        OFF,
        FAST_LANE,
        SLOW
    }

    enum Size implements ConfigChoice {
        SMALL,
        LARGE
    }

    @Test
    void theKeyIsShownOnlyWhileTheSelectorHasOneOfTheChosenValues() {
        VisibleWhen<Mode> rule = VisibleWhen.of("mode", Mode.FAST_LANE, Mode.SLOW);

        assertThat(rule.visible("speed", Map.of("mode", "fast-lane"))).isTrue();
        assertThat(rule.visible("speed", Map.of("mode", " SLOW "))).isTrue();
        assertThat(rule.visible("speed", Map.of("mode", "off"))).isFalse();
        // an unknown or missing selector value hides the key rather than failing
        assertThat(rule.visible("speed", Map.of("mode", "warp"))).isFalse();
        assertThat(rule.visible("speed", Map.of())).isFalse();
    }

    @Test
    void itNamesItsChoicesAndOffersValuesOnlyWhenAsked() {
        VisibleWhen<Mode> rule = VisibleWhen.of("mode", Mode.SLOW, Mode.FAST_LANE);

        assertThat(rule.choices()).containsExactlyInAnyOrder(Mode.SLOW, Mode.FAST_LANE);
        assertThat(rule.choiceValues()).containsExactly("fast-lane", "slow");
        assertThat(rule.validValues("speed", Map.of())).isEmpty();
        assertThat(rule.offering(Size.class).validValues("speed", Map.of()))
                .containsExactly("small", "large");
        assertThat(rule.offering(Size.class).visible("speed", Map.of("mode", "off"))).isFalse();
    }
}
