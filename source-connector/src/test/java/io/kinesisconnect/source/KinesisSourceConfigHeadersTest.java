package io.kinesisconnect.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.source.record.MetadataHeader;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class KinesisSourceConfigHeadersTest {

    @Test
    void everyHeaderByDefault() {
        assertThat(config(null).headers()).isEqualTo(EnumSet.allOf(MetadataHeader.class));
    }

    @Test
    void aListSelectsHeadersInAnyCaseAndEmptySelectsNone() {
        assertThat(config(" Sequence, value-type ").headers())
                .containsExactlyInAnyOrder(MetadataHeader.SEQUENCE, MetadataHeader.VALUE_TYPE);
        assertThat(config("").headers()).isEmpty();
    }

    @Test
    void anUnknownHeaderNamesTheKeyTheValueAndWhatIsAccepted() {
        assertThatThrownBy(() -> config("stream,partition-key"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kinesis.headers")
                .hasMessageContaining("partition-key")
                .hasMessageContaining(
                        "accepted: stream, shard, sequence, subsequence, arrival, value-type");
    }

    private static KinesisSourceConfig config(String headers) {
        Map<String, String> props = new HashMap<>();
        props.put(KinesisSourceConfig.STREAMS_CONFIG, "orders");
        if (headers != null) {
            props.put(KinesisSourceConfig.HEADERS_CONFIG, headers);
        }
        return new KinesisSourceConfig(props);
    }
}
