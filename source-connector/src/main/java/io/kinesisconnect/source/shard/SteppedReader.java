package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.ShardRef;
import java.time.Duration;
import java.util.Optional;

/**
 * A reader of one shard that {@link ShardReaderPool} drives one short step at a time, whatever the
 * way it fetches: {@link ShardReader} polls, {@link FanOutShardReader} takes pushed events.
 */
public interface SteppedReader {

    ShardRef shard();

    /** Whether the shard is finished and its marker handed over; no more steps are needed. */
    boolean isDone();

    /**
     * Does the next piece of work without blocking.
     *
     * @return how long to wait before the next step, or empty when the shard is finished
     * @throws org.apache.kafka.connect.errors.ConnectException when the shard cannot be read at all
     */
    Optional<Duration> step();

    /**
     * Releases what the reader holds open on Kinesis' side, when the task stops. A subscription
     * left to die with its connection keeps the shard busy for its consumer for a while
     * (ResourceInUseException on the next task's subscribe).
     */
    default void close() {}
}
