package io.kinesisconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SummaryIntervalTest {

    @Test
    void zeroTurnsTheSummaryOffAndASecondOrMoreIsAccepted() {
        SummaryInterval.VALIDATOR.ensureValid(SummaryInterval.CONFIG, 0L);
        SummaryInterval.VALIDATOR.ensureValid(SummaryInterval.CONFIG, 1_000L);
        SummaryInterval.VALIDATOR.ensureValid(SummaryInterval.CONFIG, 3_600_000L);
        assertThat(SummaryInterval.VALIDATOR).hasToString("0 (off), or at least 1000");
    }

    @Test
    void lessThanASecondIsRefusedNamingTheKeyTheValueAndWhatIsAccepted() {
        assertThatThrownBy(() -> SummaryInterval.VALIDATOR.ensureValid(SummaryInterval.CONFIG, 50L))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kinesis.summary.interval.ms")
                .hasMessageContaining("50")
                .hasMessageContaining("0 to turn the summary off, or at least 1000 ms");
    }
}
