package io.kinesisconnect.sink.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.sink.TestConfigs;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.record.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class StreamRouterTest {

    private static SinkRecord record(String topic) {
        return new SinkRecord(topic, 0, null, "k", Schema.STRING_SCHEMA, "v", 0);
    }

    @Test
    void staticRouteSendsEveryTopicToOneStream() {
        StreamRouter router = StreamRouter.from(TestConfigs.config());
        assertThat(router.streamFor(record("orders"))).isEqualTo("out");
        assertThat(router.streamFor(record("clicks"))).isEqualTo("out");
    }

    @Test
    void templateNamesTheStreamAfterTheTopic() {
        StreamRouter router =
                StreamRouter.from(
                        TestConfigs.config(KinesisSinkConfig.STREAM_CONFIG, "${topic}-events"));
        assertThat(router.streamFor(record("orders"))).isEqualTo("orders-events");
    }

    @Test
    void mappingWinsAndUnmappedTopicsUseTheTemplate() {
        StreamRouter router =
                StreamRouter.from(
                        TestConfigs.config(
                                KinesisSinkConfig.STREAM_ROUTING_CONFIG, "mapping",
                                KinesisSinkConfig.STREAM_MAPPING_CONFIG,
                                        "orders:orders-v1, clicks:${topic}-raw",
                                KinesisSinkConfig.STREAM_CONFIG, "rest"));
        assertThat(router.streamFor(record("orders"))).isEqualTo("orders-v1");
        assertThat(router.streamFor(record("clicks"))).isEqualTo("clicks-raw");
        assertThat(router.streamFor(record("other"))).isEqualTo("rest");
    }

    @Test
    void unmappedTopicWithoutTemplateIsAnInvalidRecord() {
        StreamRouter router =
                StreamRouter.from(
                        TestConfigs.config(
                                KinesisSinkConfig.STREAM_ROUTING_CONFIG, "mapping",
                                KinesisSinkConfig.STREAM_MAPPING_CONFIG, "orders:o",
                                KinesisSinkConfig.STREAM_CONFIG, ""));
        assertThatThrownBy(() -> router.streamFor(record("other")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("'other' is not in kinesis.stream.mapping");
    }

    @Test
    void headerChoosesTheStreamAndItsAbsenceFallsBack() {
        StreamRouter router =
                StreamRouter.from(
                        TestConfigs.config(
                                KinesisSinkConfig.STREAM_ROUTING_CONFIG, "header",
                                KinesisSinkConfig.STREAM_HEADER_CONFIG, "target"));
        SinkRecord withHeader = record("orders");
        withHeader.headers().addBytes("target", "audit".getBytes(StandardCharsets.UTF_8));
        assertThat(router.streamFor(withHeader)).isEqualTo("audit");
        assertThat(router.streamFor(record("orders"))).isEqualTo("out");

        SinkRecord bad = record("orders");
        bad.headers().addString("target", "no spaces allowed");
        assertThatThrownBy(() -> router.streamFor(bad))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("not a Kinesis stream name");
    }
}
