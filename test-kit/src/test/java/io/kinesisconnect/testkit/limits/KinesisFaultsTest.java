package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class KinesisFaultsTest {

    @Test
    void theConfigurationFileSetsRatesPerApiLatencyAndSeed() {
        Properties properties = new Properties();
        properties.setProperty("write.records.per.second", "200");
        properties.setProperty("fault.internal.failure.rate", "0.05");
        properties.setProperty("fault.internal.failure.rate.ListShards", "0");
        properties.setProperty("fault.dropped.connection.rate", "0.01");
        properties.setProperty("fault.service.unavailable.rate.PutRecords", "0.2");
        properties.setProperty("fault.expired.iterator.rate", "0.1");
        properties.setProperty("fault.put.records.entry.failure.rate", "0.3");
        properties.setProperty("fault.latency.rate", "1");
        properties.setProperty("fault.latency.ms", "150");
        properties.setProperty("fault.seed", "7");

        KinesisLimits limits = KinesisLimits.fromProperties(properties);
        KinesisFaults faults = limits.faults();

        assertThat(limits.perSecond(Limit.WRITE_RECORDS)).isEqualTo(200);
        assertThat(faults.rate(Fault.INTERNAL_FAILURE, "GetRecords")).isEqualTo(0.05);
        assertThat(faults.rate(Fault.INTERNAL_FAILURE, "ListShards")).isEqualTo(0.0);
        assertThat(faults.rate(Fault.DROPPED_CONNECTION, "PutRecords")).isEqualTo(0.01);
        assertThat(faults.rate(Fault.SERVICE_UNAVAILABLE, "PutRecords")).isEqualTo(0.2);
        assertThat(faults.rate(Fault.SERVICE_UNAVAILABLE, "GetRecords")).isEqualTo(0.0);
        assertThat(faults.rate(Fault.EXPIRED_ITERATOR, "GetRecords")).isEqualTo(0.1);
        assertThat(faults.rate(Fault.EXPIRED_ITERATOR, "PutRecords")).isEqualTo(0.0);
        assertThat(faults.rate(Fault.PUT_RECORDS_ENTRY_FAILURE, "PutRecords")).isEqualTo(0.3);
        assertThat(faults.rate(Fault.PUT_RECORDS_ENTRY_FAILURE, "PutRecord")).isEqualTo(0.0);
        assertThat(faults.rate(Fault.LATENCY, "ListShards")).isEqualTo(1.0);
        assertThat(faults.latencyMillis()).isEqualTo(150);
        assertThat(faults.seed()).isEqualTo(7L);
        assertThat(limits.toString())
                .contains("fault.internal.failure.rate=0.05")
                .contains("fault.internal.failure.rate.ListShards=0.0")
                .contains("fault.latency.ms=150");
    }

    @Test
    void theDefaultsInjectNothing() {
        assertThat(KinesisLimits.aws().faults().isNone()).isTrue();
        assertThat(KinesisLimits.none().faults().isNone()).isTrue();
        assertThat(KinesisFaults.none().with(Fault.LATENCY, 0.0).isNone()).isTrue();
        assertThat(KinesisFaults.none().with(Fault.LATENCY, "GetRecords", 0.5).isNone()).isFalse();
    }

    @Test
    void aRateOutsideZeroToOneIsRefusedWithWhatIsAccepted() {
        Properties properties = new Properties();
        properties.setProperty("fault.internal.failure.rate", "5%");

        assertThatThrownBy(() -> KinesisLimits.fromProperties(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "fault.internal.failure.rate was '5%'; it accepts a probability from 0 to 1,"
                                + " such as 0.05");
        assertThatThrownBy(() -> KinesisFaults.none().with(Fault.LATENCY, 1.5))
                .hasMessage("fault.latency.rate was 1.5; it must be a probability from 0 to 1");
    }

    @Test
    void callEndingRatesAboveOneInSumAreRefused() {
        KinesisFaults half = KinesisFaults.none().with(Fault.INTERNAL_FAILURE, 0.5);

        assertThatThrownBy(() -> half.with(Fault.SERVICE_UNAVAILABLE, "GetRecords", 0.6))
                .hasMessageStartingWith(
                        "The rates of the faults that end a call sum to 1.1 for GetRecords");
        // Latency and entry failures end no call, so they do not count.
        assertThat(half.with(Fault.LATENCY, 1.0).with(Fault.PUT_RECORDS_ENTRY_FAILURE, 1.0))
                .isNotNull();
    }

    @Test
    void anUnknownFaultKeyNamesTheKnownOnes() {
        Properties properties = new Properties();
        properties.setProperty("fault.throttle.rate", "0.1");

        assertThatThrownBy(() -> KinesisLimits.fromProperties(properties))
                .hasMessageStartingWith("Unknown fault setting 'fault.throttle.rate'; the keys are")
                .hasMessageContaining("fault.dropped.connection.rate");
    }
}
