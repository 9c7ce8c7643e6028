package io.kinesisconnect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.localstack.ConnectRest;
import io.kinesisconnect.processes.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Watches GET /connectors/NAME/offsets for a source's startup marker: the instant "latest" was
 * fixed to, and when it was first seen stored. The gap between the two is how long a crash would
 * have moved "latest".
 */
final class StartupMarkerWatch {

    /** Not more than one offsets request a second: each makes the worker read the offsets topic. */
    private static final Duration REQUEST_GAP = Duration.ofSeconds(1);

    /**
     * @param start the instant stored in the marker
     * @param seen when the marker was first seen in the offsets
     */
    record Stored(Instant start, Instant seen) {
        Duration window() {
            return Duration.between(start, seen);
        }
    }

    private StartupMarkerWatch() {}

    /** The startup marker as a user sees it, or empty while none is committed. */
    static Optional<Instant> stored(ConnectRest rest, String connector) {
        for (JsonNode entry : rest.offsets(connector).path("offsets")) {
            if ("startup".equals(entry.path("partition").path("marker").asText())) {
                return Optional.of(
                        Instant.ofEpochMilli(entry.path("offset").path("start.ms").asLong()));
            }
        }
        return Optional.empty();
    }

    /** Waits until the marker is stored. */
    static Stored await(ConnectRest rest, String connector, Duration timeout) {
        Instant[] lastAsked = {Instant.EPOCH};
        Instant start =
                Await.value(
                        "the startup marker of " + connector + " in GET offsets",
                        timeout,
                        () -> {
                            if (Instant.now().isBefore(lastAsked[0].plus(REQUEST_GAP))) {
                                return null;
                            }
                            lastAsked[0] = Instant.now();
                            return stored(rest, connector).orElse(null);
                        });
        return new Stored(start, Instant.now());
    }

    /** Waits in the background, so other tests run meanwhile. */
    static CompletableFuture<Stored> watch(ConnectRest rest, String connector, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> await(rest, connector, timeout));
    }
}
