package io.kinesisconnect.source.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's part in keeping "latest" fixed: which instant the task starts from, the marker record
 * that stores it, and when that marker is durable.
 *
 * <p>A connector cannot write anything durable itself, so until a marker is in the offset store a
 * restarted connector resolves "latest" anew, and records written in between are skipped. The
 * marker therefore goes out on the first poll, before any data, and the task reports the moment it
 * can read it back: on a worker with exactly-once support that is the first transaction, otherwise
 * the first offset flush ({@code offset.flush.interval.ms}).
 */
public final class StartupMarker {

    private static final Logger log = LoggerFactory.getLogger(StartupMarker.class);

    private final Instant start;
    private final LongSupplier wallClockMillis;
    // poll() takes the marker on the task thread; without exactly-once, commit() runs on Connect's
    // offset-committer thread.
    private volatile SourceRecord pending;
    private volatile boolean durable;

    private StartupMarker(
            Instant start, SourceRecord pending, boolean durable, LongSupplier wallClockMillis) {
        this.start = start;
        this.pending = pending;
        this.durable = durable;
        this.wallClockMillis = wallClockMillis;
    }

    /**
     * The marker of a task in "latest" mode. A stored marker wins over the instant in the task's
     * config: the connector may have resolved "latest" anew after a restart while an older task's
     * marker was still on its way to the offset store, and the older instant is the one to keep.
     *
     * @param configured the instant the connector resolved "latest" to
     */
    public static StartupMarker forLatest(
            OffsetStorageReader offsets,
            Instant configured,
            String topic,
            String connector,
            LongSupplier wallClockMillis) {
        Optional<Instant> stored = stored(offsets);
        if (stored.isPresent()) {
            if (!stored.get().equals(configured)) {
                log.info(
                        "connector={} keeps the stored start of latest={} instead of {}",
                        connector,
                        stored.get(),
                        configured);
            }
            return new StartupMarker(stored.get(), null, true, wallClockMillis);
        }
        SourceRecord marker = OffsetMarkers.startup(topic, connector, configured);
        return new StartupMarker(configured, marker, false, wallClockMillis);
    }

    /** Where the task's shards without an offset start. */
    public Instant start() {
        return start;
    }

    /** The marker, once: the task's first poll returns it before any data. */
    public List<SourceRecord> takePending() {
        if (pending == null) {
            return List.of();
        }
        SourceRecord marker = pending;
        pending = null;
        return List.of(marker);
    }

    /** Whether the offset store holds this start, so a restart keeps it. */
    public boolean isDurable() {
        return durable;
    }

    /**
     * Called after Connect committed offsets ({@code SourceTask.commit()}): checks whether the
     * marker is now in the offset store and, the first time it is, logs how long "latest" was
     * exposed to a restart.
     *
     * @return the time from the start instant to now, when the marker became durable just now
     */
    public Optional<Duration> checkDurable(OffsetStorageReader offsets) {
        if (durable || pending != null) {
            return Optional.empty();
        }
        if (!stored(offsets).isPresent()) {
            return Optional.empty();
        }
        durable = true;
        Duration window = Duration.ofMillis(wallClockMillis.getAsLong() - start.toEpochMilli());
        log.info(
                "Startup marker durable: latest={} is kept across restarts from now on; it was"
                        + " exposed for {} ms",
                start,
                window.toMillis());
        return Optional.of(window);
    }

    private static Optional<Instant> stored(OffsetStorageReader offsets) {
        Map<String, Object> offset = offsets.offset(OffsetMarkers.STARTUP_PARTITION);
        return OffsetMarkers.readStartup(OffsetMarkers.STARTUP_PARTITION, offset);
    }
}
