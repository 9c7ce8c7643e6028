package io.kinesisconnect.source.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.source.offset.OffsetMarkers;
import io.kinesisconnect.testkit.ConnectTestCluster;
import java.time.Instant;
import java.util.Optional;

/** The start of "latest" as a user sees it: the startup marker in GET /connectors/NAME/offsets. */
final class StoredStartup {

    private StoredStartup() {}

    /** The stored instant, or empty while no task's marker has been committed. */
    static Optional<Instant> of(ConnectTestCluster cluster, String connector) {
        JsonNode offsets =
                cluster.offsets(connector).requireSuccess("GET offsets of " + connector).json();
        for (JsonNode entry : offsets.path("offsets")) {
            if ("startup".equals(entry.path("partition").path("marker").asText())) {
                return Optional.of(
                        Instant.ofEpochMilli(
                                entry.path("offset")
                                        .path(OffsetMarkers.STARTUP_MILLIS_KEY)
                                        .asLong()));
            }
        }
        return Optional.empty();
    }
}
