package io.kinesisconnect.common.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorConfigFileTest {

    @TempDir Path dir;

    @Test
    void theRestFormKeepsTheConnectorsNameBesideItsSettings() throws IOException {
        Path file =
                write(
                        "{\"name\": \"orders\", \"config\": {\"kinesis.streams\": \"a, b\","
                                + " \"tasks.max\": 2}}");

        var settings = ConnectorConfigFile.read(file);

        assertThat(settings)
                .containsEntry("name", "orders")
                .containsEntry("kinesis.streams", "a, b")
                .containsEntry("tasks.max", "2");
        assertThat(ConnectorConfigFile.list(settings.get("kinesis.streams")))
                .containsExactly("a", "b");
    }

    @Test
    void theFlatFormIsReadAsIs() throws IOException {
        Path file = write("{\"name\": \"orders\", \"kinesis.streams\": \"a\"}");

        assertThat(ConnectorConfigFile.read(file))
                .containsEntry("name", "orders")
                .containsEntry("kinesis.streams", "a");
    }

    @Test
    void anythingButAnObjectIsRefusedNamingTheFile() throws IOException {
        Path file = write("[\"orders\"]");

        assertThatThrownBy(() -> ConnectorConfigFile.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void noListIsEmpty() {
        assertThat(ConnectorConfigFile.list(null)).isEmpty();
        assertThat(ConnectorConfigFile.list(" , ")).isEmpty();
    }

    private Path write(String json) throws IOException {
        Path file = dir.resolve("connector.json");
        Files.writeString(file, json);
        return file;
    }
}
