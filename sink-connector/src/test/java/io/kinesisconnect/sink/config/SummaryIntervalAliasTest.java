package io.kinesisconnect.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.sink.TestConfigs;
import java.time.Duration;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The sink reads kinesis.summary.interval.ms, and still its earlier name, with a warning. */
class SummaryIntervalAliasTest {

    @Test
    void theSharedKeyIsRead() {
        assertThat(TestConfigs.config("kinesis.summary.interval.ms", "5000").summaryInterval())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theDeprecatedNameAloneIsStillRead() {
        assertThat(TestConfigs.config("kinesis.summary.log.interval.ms", "7000").summaryInterval())
                .isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void whenBothAreSetTheSharedKeyWins() {
        assertThat(
                        TestConfigs.config(
                                        "kinesis.summary.log.interval.ms", "7000",
                                        "kinesis.summary.interval.ms", "0")
                                .summaryInterval())
                .isZero();
    }

    @Test
    void neitherSetMeansAMinute() {
        assertThat(TestConfigs.config().summaryInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theDeprecatedNameIsValidatedLikeTheSharedOne() {
        assertThatThrownBy(() -> TestConfigs.config("kinesis.summary.log.interval.ms", "10"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kinesis.summary.log.interval.ms")
                .hasMessageContaining("at least 1000 ms");
    }
}
