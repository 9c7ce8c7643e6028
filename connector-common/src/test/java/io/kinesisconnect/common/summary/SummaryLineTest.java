package io.kinesisconnect.common.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SummaryLineTest {

    @Test
    void theLineNamesTheConnectorAndTheTaskThenEachFieldInOrder() {
        String line =
                SummaryLine.of("sink", "orders-0")
                        .add("records", 12)
                        .add("rate_per_s", 3)
                        .add("writer", "kpl")
                        .toString();

        assertThat(line)
                .isEqualTo("Kinesis sink summary task=orders-0 records=12 rate_per_s=3 writer=kpl");
    }

    @Test
    void keysThatAreNotSnakeCaseAreRefused() {
        SummaryLine line = SummaryLine.of("source", "t");
        for (String bad : new String[] {"getRecordsCalls", "rate/s", "_x", "x__y", "", "a-b"}) {
            assertThatThrownBy(() -> line.add(bad, 1))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("snake_case")
                    .hasMessageContaining("'" + bad + "'");
        }
        line.add("max_millis_behind_latest", 0).add("records2", 1);
    }

    @Test
    void valuesThatWouldSplitTheFieldAreQuoted() {
        String line =
                SummaryLine.of("sink", "my sink-0")
                        .add("a", "x=y")
                        .add("b", "say \"hi\"")
                        .add("c", "")
                        .toString();

        assertThat(line)
                .isEqualTo(
                        "Kinesis sink summary task=\"my sink-0\" a=\"x=y\" b=\"say \\\"hi\\\"\""
                                + " c=\"\"");
    }

    @Test
    void ratesArePerSecondOfTheElapsedTimeAndZeroWhenNoTimePassed() {
        assertThat(SummaryLine.perSecond(300, 2_000_000_000L)).isEqualTo(150);
        assertThat(SummaryLine.perSecond(1, 3_000_000_000L)).isZero();
        assertThat(SummaryLine.perSecond(2, 3_000_000_000L)).isEqualTo(1);
        assertThat(SummaryLine.perSecond(5, 0)).isZero();
    }
}
