package io.kinesisconnect.source.kinesis;

/**
 * Enhanced fan-out's data plane: SubscribeToShard. Like {@link StreamProxy} it is the seam between
 * the readers and the SDK, so the subscription logic is tested against a hand-written fake.
 */
public interface FanOutProxy extends AutoCloseable {

    /**
     * Opens a subscription of a registered consumer to one shard. It never throws: a refusal
     * (ResourceInUseException while an earlier subscription of this consumer to the shard is still
     * open, LimitExceededException at more than one call per second per shard and consumer,
     * ResourceNotFoundException) arrives as the subscription's {@link SubscriptionSignal.Failed}
     * signal.
     *
     * @param consumerArn the consumer's ARN, from {@link ConsumerProxy}
     * @param position where to start; sequence-number positions carry the sequence number
     */
    ShardSubscription subscribe(String consumerArn, String shardId, IteratorPosition position);

    @Override
    void close();
}
