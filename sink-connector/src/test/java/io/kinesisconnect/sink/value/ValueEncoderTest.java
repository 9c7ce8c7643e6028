package io.kinesisconnect.sink.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.sink.TestConfigs;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.record.InvalidRecordException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.converters.BooleanConverter;
import org.apache.kafka.connect.converters.DoubleConverter;
import org.apache.kafka.connect.converters.FloatConverter;
import org.apache.kafka.connect.converters.IntegerConverter;
import org.apache.kafka.connect.converters.LongConverter;
import org.apache.kafka.connect.converters.ShortConverter;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
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
    void builtInEncodingWritesEveryPrimitiveArrayAndLogicalTypeAsJson() {
        ValueEncoder encoder = ValueEncoder.builtIn();
        assertThat(encoder.encode(record(Schema.FLOAT32_SCHEMA, 1.5f))).isEqualTo(utf8("1.5"));
        assertThat(encoder.encode(record(Schema.FLOAT64_SCHEMA, -2.25d))).isEqualTo(utf8("-2.25"));
        assertThat(encoder.encode(record(Schema.BOOLEAN_SCHEMA, true))).isEqualTo(utf8("true"));
        assertThat(encoder.encode(record(Schema.INT16_SCHEMA, (short) -7))).isEqualTo(utf8("-7"));
        assertThat(encoder.encode(record(Schema.INT8_SCHEMA, (byte) 5))).isEqualTo(utf8("5"));
        assertThat(
                        encoder.encode(
                                record(
                                        SchemaBuilder.array(Schema.INT32_SCHEMA).build(),
                                        List.of(1, 2, 3))))
                .isEqualTo(utf8("[1,2,3]"));
        assertThat(encoder.encode(record(null, List.of("a", true, 1.5))))
                .as("a schemaless top-level array")
                .isEqualTo(utf8("[\"a\",true,1.5]"));
        // Connect's JSON writes a Decimal as the Base64 of its unscaled bytes: 1234 = 0x04D2
        assertThat(encoder.encode(record(Decimal.schema(2), new BigDecimal("12.34"))))
                .isEqualTo(utf8("\"BNI=\""));
        assertThat(encoder.encode(record(Timestamp.SCHEMA, new Date(1_700_000_000_123L))))
                .isEqualTo(utf8("1700000000123"));
        assertThat(
                        encoder.encode(
                                record(
                                        org.apache.kafka.connect.data.Date.SCHEMA,
                                        new Date(86_400_000L * 3))))
                .as("a Date is days since the epoch")
                .isEqualTo(utf8("3"));
    }

    @Test
    void theConfiguredConverterGivesBackTheBytesOfEveryPrimitiveAndLogicalType() {
        assertRoundTrip(
                FloatConverter.class.getName(),
                new FloatConverter(),
                Map.of(),
                Schema.FLOAT32_SCHEMA,
                3.25f);
        assertRoundTrip(
                DoubleConverter.class.getName(),
                new DoubleConverter(),
                Map.of(),
                Schema.FLOAT64_SCHEMA,
                Math.PI);
        assertRoundTrip(
                ShortConverter.class.getName(),
                new ShortConverter(),
                Map.of(),
                Schema.INT16_SCHEMA,
                (short) 300);
        assertRoundTrip(
                BooleanConverter.class.getName(),
                new BooleanConverter(),
                Map.of(),
                Schema.BOOLEAN_SCHEMA,
                false);
        Map<String, String> json = Map.of("schemas.enable", "true");
        assertRoundTrip(
                JsonConverter.class.getName(),
                new JsonConverter(),
                json,
                SchemaBuilder.array(Schema.FLOAT64_SCHEMA).build(),
                List.of(1.0, -0.5));
        Schema logical =
                SchemaBuilder.struct()
                        .field("amount", Decimal.schema(3))
                        .field("at", Timestamp.SCHEMA)
                        .field("ok", Schema.BOOLEAN_SCHEMA)
                        .field("n", Schema.INT16_SCHEMA)
                        .build();
        assertRoundTrip(
                JsonConverter.class.getName(),
                new JsonConverter(),
                json,
                logical,
                new Struct(logical)
                        .put("amount", new BigDecimal("-1.005"))
                        .put("at", new Date(1_700_000_000_123L))
                        .put("ok", true)
                        .put("n", (short) 12));
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
        Schema schema =
                value instanceof Struct s
                        ? s.schema()
                        : value instanceof Long ? Schema.INT64_SCHEMA : Schema.INT32_SCHEMA;
        assertRoundTrip(converterClass, kafkaSide, settings, schema, value);
    }

    private static void assertRoundTrip(
            String converterClass,
            org.apache.kafka.connect.storage.Converter kafkaSide,
            Map<String, String> settings,
            Schema schema,
            Object value) {
        kafkaSide.configure(settings, false);
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
