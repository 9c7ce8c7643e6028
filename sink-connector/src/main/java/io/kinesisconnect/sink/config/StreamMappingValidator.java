package io.kinesisconnect.sink.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Checks and parses {@code topic:stream} pairs. */
final class StreamMappingValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value instanceof List<?> entries) {
            for (Object entry : entries) {
                String s = String.valueOf(entry).trim();
                int colon = s.lastIndexOf(':');
                if (colon <= 0 || colon == s.length() - 1) {
                    throw new ConfigException(
                            name,
                            value,
                            "'" + s + "' is not topic:stream, such as orders:orders-v1");
                }
            }
            try {
                parse(entries);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }
    }

    /** Topic to stream, in order; fails on a topic named twice. */
    static Map<String, String> parse(List<?> entries) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (Object entry : entries) {
            String s = String.valueOf(entry).trim();
            int colon = s.lastIndexOf(':');
            String topic = s.substring(0, colon).trim();
            String stream = s.substring(colon + 1).trim();
            if (mapping.put(topic, stream) != null) {
                throw new IllegalArgumentException("topic '" + topic + "' is mapped twice");
            }
        }
        return mapping;
    }

    @Override
    public String toString() {
        return "topic:stream pairs separated by commas";
    }
}
