package io.kinesisconnect.common.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** One connector config in the shape of the Connect REST API: a name and a sorted config map. */
public record ConnectorConfig(String name, SortedMap<String, String> config) {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ConnectorConfig {
        config = Collections.unmodifiableSortedMap(new TreeMap<>(config));
    }

    /** The connector class this config runs. */
    public String connectorClass() {
        return config.get(io.kinesisconnect.common.keys.ConnectKeys.CONNECTOR_CLASS);
    }

    /** The same config with every secret value replaced by a mask, for printing. */
    public ConnectorConfig masked() {
        return new ConnectorConfig(name, SecretMasker.mask(config));
    }

    /** {@code {"name": ..., "config": {...}}}, as {@code POST /connectors} takes it. */
    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("config", config);
        try {
            return JSON.writeValueAsString(body) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A properties file, as {@code connect-standalone} takes it; keys sorted, no timestamp. */
    public String toProperties() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Kinesis Connect connector ").append(escape(name, false)).append('\n');
        for (Map.Entry<String, String> e : config.entrySet()) {
            sb.append(escape(e.getKey(), true))
                    .append('=')
                    .append(escape(e.getValue(), false))
                    .append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "ConnectorConfig[name=" + name + ", config=" + SecretMasker.mask(config) + "]";
    }

    private static String escape(String s, boolean isKey) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '=', ':', '#', '!' -> sb.append(isKey ? "\\" + c : String.valueOf(c));
                case ' ' -> sb.append(isKey || i == 0 ? "\\ " : " ");
                default ->
                        sb.append(
                                c < 0x20 || c > 0x7e
                                        ? String.format("\\u%04x", (int) c)
                                        : String.valueOf(c));
            }
        }
        return sb.toString();
    }
}
