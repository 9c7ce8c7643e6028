package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KinesisLimitsTest {

    @Test
    void defaultsAreAwsPublishedLimits() {
        KinesisLimits aws = KinesisLimits.aws();

        assertThat(aws.perSecond(Limit.WRITE_BYTES)).isEqualTo(1024 * 1024);
        assertThat(aws.perSecond(Limit.WRITE_RECORDS)).isEqualTo(1_000);
        assertThat(aws.perSecond(Limit.READ_CALLS)).isEqualTo(5);
        assertThat(aws.perSecond(Limit.READ_BYTES)).isEqualTo(2 * 1024 * 1024);
        assertThat(aws.perSecond(Limit.GET_SHARD_ITERATOR)).isEqualTo(5);
        assertThat(aws.perSecond(Limit.LIST_SHARDS)).isEqualTo(1_000);
        assertThat(aws.perSecond(Limit.DESCRIBE_STREAM_SUMMARY)).isEqualTo(20);
        assertThat(aws.perSecond(Limit.LIST_STREAMS)).isEqualTo(5);
        assertThat(aws.perSecond(Limit.REGISTER_STREAM_CONSUMER)).isEqualTo(5);
        assertThat(aws.burstSeconds()).isEqualTo(1.0);
    }

    @Test
    void aPropertiesFileOverridesSomeLimitsAndKeepsTheRest() {
        Properties properties = new Properties();
        properties.setProperty("write.records.per.second", "200");
        properties.setProperty("read.bytes.per.second", " unlimited ");
        properties.setProperty("burst.seconds", "0.5");

        KinesisLimits limits = KinesisLimits.fromProperties(properties);

        assertThat(limits.perSecond(Limit.WRITE_RECORDS)).isEqualTo(200);
        assertThat(limits.perSecond(Limit.READ_BYTES)).isEqualTo(KinesisLimits.UNLIMITED);
        assertThat(limits.perSecond(Limit.READ_CALLS)).isEqualTo(5);
        assertThat(limits.burstSeconds()).isEqualTo(0.5);
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndWhatIsAccepted() {
        Properties properties = new Properties();
        properties.setProperty("read.calls.per.second", "-3");

        assertThatThrownBy(() -> KinesisLimits.fromProperties(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read.calls.per.second")
                .hasMessageContaining("'-3'")
                .hasMessageContaining("positive whole number")
                .hasMessageContaining("unlimited");
    }

    @Test
    void anUnknownKeyListsTheKnownOnes() {
        Properties properties = new Properties();
        properties.setProperty("write.mb.per.second", "1");

        assertThatThrownBy(() -> KinesisLimits.fromProperties(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write.mb.per.second")
                .hasMessageContaining("write.bytes.per.second")
                .hasMessageContaining("burst.seconds");
    }

    @Test
    void aBadBurstIsRefused() {
        Properties properties = new Properties();
        properties.setProperty("burst.seconds", "soon");

        assertThatThrownBy(() -> KinesisLimits.fromProperties(properties))
                .hasMessageContaining("burst.seconds was 'soon'")
                .hasMessageContaining("positive number of seconds");
    }

    @Test
    void aGetRecordsAnswerKeepsTheLeadingRecordsThatFitAndAlwaysOne() throws Exception {
        JsonNode records =
                new ObjectMapper()
                        .readTree(
                                "[{\"Data\":\"AAAA\",\"PartitionKey\":\"k\"},"
                                        + "{\"Data\":\"AAAA\",\"PartitionKey\":\"k\"},"
                                        + "{\"Data\":\"AAAA\",\"PartitionKey\":\"k\"}]");

        // Each record is 3 bytes of data plus a 1-byte key.
        assertThat(Payloads.recordsWithin(records, 8, 10)).isEqualTo(2);
        assertThat(Payloads.recordsWithin(records, 7, 10)).isEqualTo(1);
        assertThat(Payloads.recordsWithin(records, 1, 10)).isEqualTo(1);
        assertThat(Payloads.recordsWithin(records, 100, 2)).isEqualTo(2);
        assertThat(
                        Payloads.recordsWithin(
                                records, KinesisLimits.UNLIMITED, KinesisLimits.UNLIMITED))
                .isEqualTo(3);
        assertThat(KinesisLimits.aws().getRecordsMaxBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(KinesisLimits.aws().getRecordsMaxRecords()).isEqualTo(10_000);
    }
}
