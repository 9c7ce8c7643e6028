package io.kinesisconnect.sink.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.sink.InvalidRecordException;
import io.kinesisconnect.sink.KinesisSinkConfig;
import io.kinesisconnect.sink.TestConfigs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.connect.converters.IntegerConverter;
import org.apache.kafka.connect.converters.LongConverter;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class ValueEncoderTest {

    private static SinkRecord record(Schema schema, Object value) {
        return new SinkRecord("orders", 0, null, "k", schema, value, 0);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void builtInEncodingKeepsBytesAndWritesTextAndJson() {
        ValueEncoder encoder = ValueEncoder.builtIn();
        byte[] raw = {0, 1, 2, (byte) 0xff};
        assertThat(encoder.encode(record(Schema.BYTES_SCHEMA, raw))).isEqualTo(raw);
        assertThat(encoder.encode(record(null, ByteBuffer.wrap(raw)))).isEqualTo(raw);
        assertThat(encoder.encode(record(Schema.STRING_SCHEMA, "héllo"))).isEqualTo(utf8("héllo"));
        assertThat(encoder.encode(record(Schema.INT32_SCHEMA, 42))).isEqualTo(utf8("42"));
        assertThat(encoder.encode(record(null, Map.of("a", 1)))).isEqualTo(utf8("{\"a\":1}"));
        Schema schema = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();
        assertThat(encoder.encode(record(schema, new Struct(schema).put("id", 7))))
                .isEqualTo(utf8("{\"id\":7}"));
    }

    @Test
    void theConfiguredConverterGivesBackTheBytesItWasFedFrom() {
        assertRoundTrip(
                IntegerConverter.class.getName(), new IntegerConverter(), Map.of(), 1234567);
        assertRoundTrip(LongConverter.class.getName(), new LongConverter(), Map.of(), -9L);
        Schema schema = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();
        assertRoundTrip(
                JsonConverter.class.getName(),
                new JsonConverter(),
                Map.of("schemas.enable", "true"),
                new Struct(schema).put("id", 7));
    }

    private static void assertRoundTrip(
            String converterClass,
            org.apache.kafka.connect.storage.Converter kafkaSide,
            Map<String, String> settings,
            Object value) {
        kafkaSide.configure(settings, false);
        Schema schema =
                value instanceof Struct s
                        ? s.schema()
                        : value instanceof Long ? Schema.INT64_SCHEMA : Schema.INT32_SCHEMA;
        byte[] kafkaBytes = kafkaSide.fromConnectData("orders", schema, value);
        var data = kafkaSide.toConnectData("orders", kafkaBytes);

        String[] props = new String[2 + settings.size() * 2];
        props[0] = KinesisSinkConfig.VALUE_CONVERTER_CONFIG;
        props[1] = converterClass;
        int i = 2;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            props[i++] = KinesisSinkConfig.VALUE_CONVERTER_PREFIX + e.getKey();
            props[i++] = e.getValue();
        }
        try (ValueEncoder encoder = ValueEncoder.from(TestConfigs.config(props))) {
            assertThat(encoder.encode(record(data.schema(), data.value()))).isEqualTo(kafkaBytes);
        }
    }

    @Test
    void aConverterThatRejectsTheValueMakesAnInvalidRecord() {
        try (ValueEncoder encoder =
                ValueEncoder.from(
                        TestConfigs.config(
                                KinesisSinkConfig.VALUE_CONVERTER_CONFIG,
                                IntegerConverter.class.getName()))) {
            assertThatThrownBy(() -> encoder.encode(record(Schema.STRING_SCHEMA, "x")))
                    .isInstanceOf(InvalidRecordException.class)
                    .hasMessageContaining("value converter rejected");
        }
    }
}
