package io.kinesisconnect.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartupDatesTest {
    private static final Instant EXPECTED = Instant.parse("2020-02-01T04:15:00Z");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2020-02-01 04:15:00.00 Z",
                "2020-02-01 04:15:00.000 +0000",
                "2020-02-01 04:15:00 Z",
                "2020-02-01 04:15:00. Z",
                "2020-02-01 04:15:00.0 +00:00",
                "2020-02-01 04:15:00.000000000 Z",
                "2020-02-01 05:15:00.000 +0100",
                "2020-02-01 05:15:00.000 +01:00",
                "2020-02-01 04:15:00.000Z",
                "2020-02-01T04:15:00Z",
                "2020-02-01T04:15:00.000+00:00",
                "2020-02-01T04:15Z",
                "1580530500000",
                "  2020-02-01T04:15:00Z  "
            })
    void acceptsEveryDocumentedForm(String text) {
        assertThat(StartupDates.parse(text)).contains(EXPECTED);
    }

    @Test
    void keepsFractionDigits() {
        assertThat(StartupDates.parse("2020-02-01 04:15:00.123456789 Z"))
                .contains(Instant.parse("2020-02-01T04:15:00.123456789Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "01/02/2020 04:15",
                "2020-02-01 04:15:00",
                "2020-02-01",
                "2020-13-01 04:15:00 Z",
                "2020-02-01 04:15:00.0000000000 Z",
                "yesterday",
                "",
                "99999999999999999999"
            })
    void rejectsAmbiguousOrBrokenDates(String text) {
        assertThat(StartupDates.parse(text)).isEmpty();
    }
}
