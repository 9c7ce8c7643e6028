package io.kinesisconnect.source.efo;

import io.kinesisconnect.source.shard.ConsumerArns;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A task's consumer ARNs, one per stream, shared by its readers. When a reader finds its ARN stale,
 * the first one looks the consumer up again (registering it under {@code eager}); readers that come
 * with the same stale ARN afterwards get the fresh one without another control-plane call, so the
 * account-wide RegisterStreamConsumer and DescribeStreamConsumer limits see one lookup per task.
 */
public final class TaskConsumerArns implements ConsumerArns {

    private final Map<String, String> arns;
    private final UnaryOperator<String> lookup;

    /**
     * @param initial stream name to ARN, as found when the task started
     * @param lookup stream name to the ARN of its ACTIVE consumer, registering it if allowed
     */
    public TaskConsumerArns(Map<String, String> initial, UnaryOperator<String> lookup) {
        this.arns = new ConcurrentHashMap<>(initial);
        this.lookup = lookup;
    }

    @Override
    public String current(String stream) {
        String arn = arns.get(stream);
        if (arn == null) {
            throw new IllegalArgumentException(
                    "No EFO consumer was looked up for stream " + stream);
        }
        return arn;
    }

    @Override
    public synchronized String renew(String stream, String stale) {
        String known = arns.get(stream);
        if (!Objects.equals(known, stale)) {
            return known;
        }
        String fresh = lookup.apply(stream);
        arns.put(stream, fresh);
        return fresh;
    }
}
