package io.kinesisconnect.sink.delivery;

import io.kinesisconnect.sink.write.KinesisRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a task within the dispatcher's outstanding bounds without blocking put() for long: records
 * that find no room are parked, and while any are parked every assigned partition is paused (also
 * partitions assigned meanwhile), so the consumer stops fetching; once the parked records are
 * handed over, the partitions resume.
 *
 * <p>Called on the task thread only.
 */
public final class BackPressure {

    private static final Logger log = LoggerFactory.getLogger(BackPressure.class);

    /** How soon Connect calls put() again while records are parked, even with no new records. */
    static final Duration PAUSED_POLL = Duration.ofMillis(100);

    private final RecordDispatcher dispatcher;
    private final SinkTaskContext context;
    private final String taskName;
    private final TaskStats stats;
    private final Deque<Parked> parked = new ArrayDeque<>();

    /** The partitions paused because records are parked; empty when not paused. */
    private final Set<TopicPartition> paused = new HashSet<>();

    public BackPressure(
            RecordDispatcher dispatcher,
            SinkTaskContext context,
            String taskName,
            TaskStats stats) {
        this.dispatcher = dispatcher;
        this.context = context;
        this.taskName = taskName;
        this.stats = stats;
    }

    /** Queues a record behind those already parked; {@link #drain} hands it over. */
    public void park(SinkRecord source, KinesisRecord record) {
        parked.add(new Parked(source, record));
        stats.parked(parked.size());
    }

    /**
     * Submits parked records, in order, while there is room, waiting at most {@code maxWait} for
     * it; then pauses the partitions if records are still parked, or resumes them if none are.
     */
    public void drain(Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            while (!parked.isEmpty()) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                if (!dispatcher.awaitCapacity(parked.peek().record().data().length, left)) {
                    break;
                }
                Parked next = parked.poll();
                dispatcher.submit(next.source(), next.record());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for room to write", e);
        } finally {
            stats.parked(parked.size());
        }
        updatePause();
    }

    /**
     * Partitions newly assigned. While records are parked they are paused with the others (Connect
     * leaves a partition new to the task running). Otherwise they are resumed: Connect re-pauses a
     * partition this task paused before a rebalance when it is assigned again, even though close()
     * dropped its parked records, and nothing else would ever resume it.
     */
    public void opened(Collection<TopicPartition> partitions) {
        TopicPartition[] opened = partitions.toArray(TopicPartition[]::new);
        if (!paused.isEmpty()) {
            context.pause(opened);
            paused.addAll(partitions);
        } else if (opened.length > 0) {
            context.resume(opened);
        }
    }

    /**
     * Partitions revoked: their parked records are dropped (the next owner reads them again) and
     * they are no longer ours to resume.
     *
     * @return how many parked records were dropped
     */
    public int closed(Collection<TopicPartition> partitions) {
        Set<TopicPartition> closing = new HashSet<>(partitions);
        int before = parked.size();
        parked.removeIf(p -> closing.contains(Records.partitionOf(p.source())));
        paused.removeAll(closing);
        stats.parked(parked.size());
        return before - parked.size();
    }

    private void updatePause() {
        Set<TopicPartition> assigned = context == null ? Set.of() : context.assignment();
        if (!parked.isEmpty()) {
            Set<TopicPartition> toPause = new HashSet<>(assigned);
            toPause.removeAll(paused);
            if (!toPause.isEmpty()) {
                log.info(
                        "Pausing task={} partitions={}: {} records outstanding, {} parked; the"
                                + " endpoint is slow or unreachable",
                        taskName,
                        toPause,
                        dispatcher.outstanding(),
                        parked.size());
                context.pause(toPause.toArray(TopicPartition[]::new));
                paused.addAll(toPause);
            }
            // come back soon to submit parked records, even though no new ones arrive
            context.timeout(PAUSED_POLL.toMillis());
        } else if (!paused.isEmpty()) {
            paused.retainAll(assigned);
            context.resume(paused.toArray(TopicPartition[]::new));
            paused.clear();
            log.info("Resumed task={} outstanding={}", taskName, dispatcher.outstanding());
        }
    }

    private record Parked(SinkRecord source, KinesisRecord record) {}
}
