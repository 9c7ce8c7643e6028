package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.kinesis.StreamProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Watches the connector's streams for resharding. It lists every stream's shards on a schedule,
 * leaves out closed shards that have been read to their end, and asks Connect to reassign tasks
 * when the remaining set changes.
 */
public final class ShardMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShardMonitor.class);
    private static final int LIST_ATTEMPTS = 6;

    private final StreamProxy proxy;
    private final List<String> streams;
    private final Function<Collection<ShardRef>, Set<ShardRef>> finishedAmong;
    private final Duration interval;
    private final Runnable onChange;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "kinesis-shard-monitor");
                        thread.setDaemon(true);
                        return thread;
                    });
    private volatile List<ShardRef> current = List.of();

    /**
     * @param finishedAmong given closed shards, returns those whose committed offset is finished
     * @param onChange called (on the monitor thread) when the assignable shards change
     */
    public ShardMonitor(
            StreamProxy proxy,
            List<String> streams,
            Function<Collection<ShardRef>, Set<ShardRef>> finishedAmong,
            Duration interval,
            Runnable onChange) {
        this.proxy = proxy;
        this.streams = List.copyOf(streams);
        this.finishedAmong = finishedAmong;
        this.interval = interval;
        this.onChange = onChange;
    }

    /**
     * Lists the shards once, synchronously, then keeps watching in the background.
     *
     * @throws ConnectException when a stream does not exist or cannot be listed
     */
    public void start() {
        current = discover();
        log.info("Discovered {} shards to read in streams {}", current.size(), streams);
        scheduler.scheduleWithFixedDelay(
                this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The shards to assign to tasks now, sorted. */
    public List<ShardRef> shards() {
        return current;
    }

    private void refresh() {
        try {
            List<ShardRef> latest = discover();
            if (!latest.equals(current)) {
                log.info(
                        "Shards changed from {} to {}; requesting task reconfiguration",
                        current.size(),
                        latest.size());
                current = latest;
                onChange.run();
            }
        } catch (RuntimeException e) {
            log.warn("Shard discovery failed; keeping the current assignment: {}", e.toString());
        }
    }

    /** Every stream's shards, minus the closed ones already read to their end. */
    List<ShardRef> discover() {
        List<ShardRef> open = new ArrayList<>();
        List<ShardRef> closed = new ArrayList<>();
        for (String stream : streams) {
            for (Shard shard : listWithBackoff(stream)) {
                ShardRef ref = new ShardRef(stream, shard.shardId());
                boolean isClosed =
                        shard.sequenceNumberRange() != null
                                && shard.sequenceNumberRange().endingSequenceNumber() != null;
                (isClosed ? closed : open).add(ref);
            }
        }
        Set<ShardRef> finished = closed.isEmpty() ? Set.of() : finishedAmong.apply(closed);
        List<ShardRef> assignable = new ArrayList<>(open);
        closed.stream().filter(shard -> !finished.contains(shard)).forEach(assignable::add);
        return assignable.stream().sorted().toList();
    }

    private List<Shard> listWithBackoff(String stream) {
        Backoff backoff =
                new Backoff(
                        Duration.ofMillis(200),
                        Duration.ofSeconds(5),
                        () -> ThreadLocalRandom.current().nextDouble());
        for (int attempt = 1; ; attempt++) {
            try {
                return proxy.listShards(stream);
            } catch (ResourceNotFoundException e) {
                throw new ConnectException(
                        "Kinesis stream '"
                                + stream
                                + "' does not exist; check kinesis.streams and aws.region",
                        e);
            } catch (LimitExceededException e) {
                if (attempt >= LIST_ATTEMPTS) {
                    throw new ConnectException(
                            "ListShards of '"
                                    + stream
                                    + "' stayed throttled after "
                                    + attempt
                                    + " attempts",
                            e);
                }
                sleep(backoff.next());
            } catch (SdkException e) {
                if (attempt >= LIST_ATTEMPTS) {
                    throw new ConnectException(
                            "Cannot list the shards of '" + stream + "': " + e.getMessage(), e);
                }
                sleep(backoff.next());
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while listing shards", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
