package io.kinesisconnect.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinesisconnect.processes.EmulatorProcess;
import io.kinesisconnect.processes.KinesisTestClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The examples of config/, pointed at the local kinesis-mock: its endpoints and the basic test
 * credentials instead of the default chain, which would look for real AWS credentials.
 */
final class ExampleConfigs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path configDir;
    private final EmulatorProcess emulator;
    private final Path kplDir;

    ExampleConfigs(Path configDir, EmulatorProcess emulator, Path kplDir) {
        this.configDir = configDir;
        this.emulator = emulator;
        this.kplDir = kplDir;
    }

    /** A connector example of config/: its name and its config. */
    record Connector(String name, Map<String, String> config) {}

    /** config/kinesis-source.json, reading from the emulator's plain-HTTP port. */
    Connector source() {
        Connector connector = read("kinesis-source.json");
        EmulatorAwsSettings.putInto(connector.config(), emulator.endpoint().toString());
        return connector;
    }

    /** config/kinesis-sink.json, writing through the KPL to the emulator's TLS port. */
    Connector sink() {
        Connector connector = read("kinesis-sink.json");
        EmulatorAwsSettings.putInto(connector.config(), emulator.tlsEndpoint().toString());
        EmulatorAwsSettings.trustSelfSigned(connector.config());
        connector.config().put("kpl.TempDirectory", kplDir.toString());
        return connector;
    }

    /**
     * config/statefun-module-v31.yaml with its ingress pointed at the emulator, written to {@code
     * target}. The egress is left out: it names the real AWS region, and the quickstart's
     * Kafka-to-Kinesis direction is the sink example.
     */
    Path statefunModule(Path target) {
        String original = readString("statefun-module-v31.yaml");
        String adapted =
                Arrays.stream(original.split("\n---\n"))
                        .filter(doc -> !doc.contains("kind: io.statefun.kinesis.v1/egress"))
                        .collect(Collectors.joining("\n---\n"))
                        .replace(
                                "endpoint: http://localhost:4567",
                                "endpoint: " + emulator.endpoint())
                        .replace(
                                "accessKeyId: AKIAEXAMPLE",
                                "accessKeyId: " + KinesisTestClients.ACCESS_KEY_ID)
                        .replace(
                                "secretAccessKey: s3cr3t-Value",
                                "secretAccessKey: " + KinesisTestClients.SECRET_ACCESS_KEY);
        StackFiles.write(
                target,
                "# config/statefun-module-v31.yaml adapted by the quickstart: the ingress reads"
                        + " from the local\n# kinesis-mock with test credentials; the egress (real"
                        + " AWS) is left out.\n"
                        + adapted
                        + (adapted.endsWith("\n") ? "" : "\n"));
        return target;
    }

    private Connector read(String file) {
        try {
            JsonNode root = JSON.readTree(readString(file));
            Map<String, String> config = new LinkedHashMap<>();
            root.path("config")
                    .fields()
                    .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            return new Connector(root.path("name").asText(), config);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read config/" + file, e);
        }
    }

    private String readString(String file) {
        try {
            return Files.readString(configDir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read config/" + file, e);
        }
    }
}
