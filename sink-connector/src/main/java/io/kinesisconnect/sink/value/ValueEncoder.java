package io.kinesisconnect.sink.value;

import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.record.InvalidRecordException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.storage.Converter;

/**
 * Turns a record value into the bytes written to Kinesis: through the configured Converter, or,
 * without one, bytes as they are, strings as UTF-8 and everything else as schemaless JSON. Never
 * returns null for a non-null value, so no payload is empty by accident.
 */
public final class ValueEncoder implements AutoCloseable {

    private final Converter converter;

    ValueEncoder(Converter converter) {
        this.converter = converter;
    }

    /** The encoder the config describes; the caller closes it. */
    public static ValueEncoder from(KinesisSinkConfig config) {
        Converter converter =
                config.valueConverterClass()
                        .map(c -> (Converter) Utils.newInstance(c))
                        .orElse(null);
        if (converter != null) {
            converter.configure(config.valueConverterSettings(), false);
        }
        return new ValueEncoder(converter);
    }

    /** The built-in encoding, for tests and for values the configuration does not convert. */
    public static ValueEncoder builtIn() {
        return new ValueEncoder(null);
    }

    /**
     * The bytes of {@code record}'s non-null value.
     *
     * @throws InvalidRecordException when the converter rejects the value or returns nothing
     */
    public byte[] encode(SinkRecord record) {
        Object value = record.value();
        byte[] bytes;
        try {
            bytes =
                    converter != null
                            ? converter.fromConnectData(record.topic(), record.valueSchema(), value)
                            : builtIn(record);
        } catch (RuntimeException e) {
            throw new InvalidRecordException("the value converter rejected the value: " + e, e);
        }
        if (bytes == null) {
            throw new InvalidRecordException(
                    "the value converter returned no bytes for a non-null "
                            + value.getClass().getSimpleName()
                            + " value");
        }
        return bytes;
    }

    private static byte[] builtIn(SinkRecord record) {
        Object value = record.value();
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        return Json.CONVERTER.fromConnectData(record.topic(), record.valueSchema(), value);
    }

    @Override
    public void close() {
        // Converter is Closeable only in newer Connect APIs; check at run time
        Object c = converter;
        if (c instanceof AutoCloseable closeable) {
            Utils.closeQuietly(closeable, "value converter");
        }
    }

    /** Schemaless JSON for Structs, Maps, Lists, numbers and booleans. */
    private static final class Json {
        static final JsonConverter CONVERTER = create();

        private static JsonConverter create() {
            JsonConverter json = new JsonConverter();
            Map<String, Object> settings = new HashMap<>();
            settings.put(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, false);
            json.configure(settings, false);
            return json;
        }
    }
}
