package io.kinesisconnect.source.shard;

/**
 * The ARNs of the enhanced fan-out consumers a task's readers subscribe with. An ARN goes stale
 * when its consumer is deregistered (and perhaps registered again, under a new ARN), and Kinesis
 * then answers ResourceNotFound for a shard that is still there.
 */
public interface ConsumerArns {

    /** The ARN to subscribe to the stream's shards with. */
    String current(String stream);

    /**
     * A fresh ARN after {@code stale} was refused as not found. May take a while: it can register
     * the consumer again and wait until it is ACTIVE.
     *
     * @return the fresh ARN, or {@code stale} itself when the consumer still answers under it
     * @throws org.apache.kafka.connect.errors.ConnectException when the consumer is missing and the
     *     connector may not register it
     */
    String renew(String stream, String stale);
}
