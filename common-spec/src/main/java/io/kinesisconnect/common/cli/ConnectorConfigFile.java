package io.kinesisconnect.common.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinesisconnect.common.keys.ConnectKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A connector config file as users submit it to Connect's REST API. */
final class ConnectorConfigFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectorConfigFile() {}

    /** Every setting as text, with the connector's name under {@code name}. */
    static Map<String, String> read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(
                    file + ": expected a JSON object, {\"name\": ..., \"config\": {...}}");
        }
        JsonNode config = root.has("config") ? root.get("config") : root;
        Map<String, String> settings = new LinkedHashMap<>();
        config.fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        if (root.hasNonNull(ConnectKeys.NAME)) {
            settings.putIfAbsent(ConnectKeys.NAME, root.get(ConnectKeys.NAME).asText());
        }
        return settings;
    }

    static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return List.of(commaSeparated.split(",")).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
