package io.kinesisconnect.processes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What kinesis-mock has written to its data directory: how many Kinesis records of a stream would
 * survive a kill.
 *
 * <p>kinesis-mock persists its whole state on an interval, so a record it acknowledged just before
 * a SIGKILL is lost on its side, and a test that kills it would blame the connector. A test waits
 * on {@link #recordCount} until the file holds what the live emulator returns, instead of sleeping
 * for a guessed interval (which a loaded machine outlasts).
 */
public final class PersistedStreams {

    /** kinesis-mock's default {@code PERSIST_FILE_NAME}. */
    static final String FILE_NAME = "kinesis-data.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long a snapshot waits for a write in progress to end. */
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(30);

    private final Path file;

    PersistedStreams(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /**
     * The data file as it is now, once it reads as a complete JSON document (it is rewritten in
     * place on each interval, so a read can meet it half written; reads are repeated for up to
     * {@link #SNAPSHOT_TIMEOUT}); empty when there is no file yet.
     */
    public Optional<Snapshot> snapshot() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] bytes =
                Await.value(
                        "kinesis-mock's data file " + file + " to read as complete JSON",
                        SNAPSHOT_TIMEOUT,
                        () -> read().map(Contents::bytes).orElse(null));
        return Optional.of(new Snapshot(file, bytes));
    }

    /** The file, when it reads as a complete document; empty while missing or half written. */
    private Optional<Contents> read() {
        try {
            byte[] bytes = Files.readAllBytes(file);
            JsonNode root = JSON.readTree(bytes);
            // an empty file (just truncated for a rewrite) parses as a missing node, not as null
            return root != null && root.isObject() && root.has("streams")
                    ? Optional.of(new Contents(bytes, root))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private record Contents(byte[] bytes, JsonNode root) {}

    /** A complete data file, to put back after a kill that may have cut a write short. */
    public record Snapshot(Path file, byte[] bytes) {

        public void restore() {
            try {
                Path partial = file.resolveSibling(file.getFileName() + ".restore");
                Files.write(partial, bytes);
                Files.move(
                        partial,
                        file,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not restore " + file, e);
            }
        }
    }

    /**
     * The Kinesis records of {@code stream}, over all its shards, in the persisted file; empty
     * while the file is missing or half written (it is rewritten in place on each interval).
     */
    public OptionalLong recordCount(String stream) {
        Optional<Contents> contents = read();
        if (contents.isEmpty()) {
            return OptionalLong.empty();
        }
        JsonNode root = contents.get().root();
        Iterator<Map.Entry<String, JsonNode>> streams = root.path("streams").fields();
        while (streams.hasNext()) {
            Map.Entry<String, JsonNode> entry = streams.next();
            if (entry.getKey().endsWith(":stream/" + stream)) {
                long records = 0;
                for (JsonNode shardRecords : entry.getValue().path("shards")) {
                    records += shardRecords.size();
                }
                return OptionalLong.of(records);
            }
        }
        return OptionalLong.of(0);
    }
}
