package io.kinesisconnect.source.offset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

/** The startup marker goes out once, before data, and is reported durable only once stored. */
class StartupMarkerTest {

    private static final Instant CONFIGURED = Instant.parse("2026-11-29T10:00:00Z");
    private final MapOffsets offsets = new MapOffsets();
    private long nowMillis = CONFIGURED.toEpochMilli();

    @Test
    void aFreshTaskEmitsTheConfiguredInstantOnce() {
        StartupMarker marker = marker();

        List<SourceRecord> first = marker.takePending();
        assertThat(first).hasSize(1);
        assertThat(first.get(0).sourcePartition()).isEqualTo(OffsetMarkers.STARTUP_PARTITION);
        assertThat(first.get(0).sourceOffset())
                .isEqualTo(Map.of(OffsetMarkers.STARTUP_MILLIS_KEY, CONFIGURED.toEpochMilli()));
        assertThat(marker.takePending()).isEmpty();
        assertThat(marker.start()).isEqualTo(CONFIGURED);
    }

    @Test
    void isDurableOnlyOnceTheOffsetStoreReturnsTheMarker() {
        StartupMarker marker = marker();
        assertThat(marker.checkDurable(offsets)).as("not even emitted").isEmpty();
        SourceRecord record = marker.takePending().get(0);

        nowMillis += 1_500;
        assertThat(marker.checkDurable(offsets)).as("emitted, not flushed").isEmpty();
        assertThat(marker.isDurable()).isFalse();

        offsets.store(record);
        nowMillis += 500;
        assertThat(marker.checkDurable(offsets)).contains(Duration.ofMillis(2_000));
        assertThat(marker.isDurable()).isTrue();
        assertThat(marker.checkDurable(offsets)).as("reported once").isEmpty();
    }

    @Test
    void aStoredMarkerWinsOverTheConfiguredInstantAndIsNotEmittedAgain() {
        Instant earlier = CONFIGURED.minusSeconds(30);
        offsets.store(OffsetMarkers.startup("markers", "c", earlier));

        StartupMarker marker = marker();

        assertThat(marker.start()).isEqualTo(earlier);
        assertThat(marker.takePending()).isEmpty();
        assertThat(marker.isDurable()).isTrue();
    }

    private StartupMarker marker() {
        return StartupMarker.forLatest(offsets, CONFIGURED, "markers", "c", () -> nowMillis);
    }

    /** An offset store that holds what the test puts in it. */
    private static final class MapOffsets implements OffsetStorageReader {
        private final Map<Map<String, ?>, Map<String, Object>> stored = new HashMap<>();

        void store(SourceRecord record) {
            stored.put(record.sourcePartition(), new HashMap<>(record.sourceOffset()));
        }

        @Override
        public <T> Map<String, Object> offset(Map<String, T> partition) {
            return stored.get(partition);
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(
                Collection<Map<String, T>> partitions) {
            Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
            partitions.forEach(p -> result.put(p, stored.get(p)));
            return result;
        }
    }
}
