package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.offset.ShardOffset;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both reader types, polling and fan-out, do before they fetch from a shard: the shard waits
 * until its parents' ends are in Kafka, its start is logged and counted once, and what the emitter
 * still holds goes to the buffer before anything new is fetched.
 */
final class ReadStart {

    /** How soon a reader looks again when the task's buffer was full. */
    static final Duration BUFFER_FULL_RETRY = Duration.ofMillis(50);

    private static final Logger log = LoggerFactory.getLogger(ReadStart.class);

    private final ShardRef shard;
    private final ShardEmitter emitter;
    private final ParentGate parents;
    private final ReaderSettings settings;
    private final ReaderStats stats;
    private boolean parentsDone;

    ReadStart(ShardRef shard, ShardEmitter emitter, ReaderContext context) {
        this.shard = shard;
        this.emitter = emitter;
        this.parents = context.parents();
        this.settings = context.settings();
        this.stats = context.stats();
    }

    /**
     * Whether the stored offset says the shard was read to its end before; if so, that end is
     * recorded at once, so that the shard's children may start.
     */
    static boolean alreadyFinished(
            ShardRef shard, Optional<ShardOffset> stored, ParentGate parents) {
        if (stored.isPresent() && stored.get().finished()) {
            parents.endRecorded(shard);
            return true;
        }
        return false;
    }

    /** The jittered backoff both readers use between failed calls. */
    static Backoff backoff(ReaderSettings settings) {
        return new Backoff(
                settings.retryInitial(),
                settings.retryMax(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Empty when the reader may fetch now; otherwise how long to wait first.
     *
     * @param how the verb of the one start line, such as "Reading" or "Subscribing to"
     * @param position where the reader starts, for that line
     */
    Optional<Duration> waitBeforeFetch(String how, Supplier<String> position) {
        if (!parentsDone) {
            parentsDone = parents.mayStart(shard);
            if (!parentsDone) {
                return Optional.of(settings.parentCheckInterval());
            }
            log.info("{} shard={} from {}", how, shard, position.get());
            stats.reading(shard);
        }
        if (!emitter.flush()) {
            return Optional.of(BUFFER_FULL_RETRY);
        }
        return Optional.empty();
    }
}
