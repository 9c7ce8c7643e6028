package io.kinesisconnect.source.kinesis;

import java.util.List;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.Record;

/** What a {@link ShardSubscription} delivers; callers match instead of catching. */
public sealed interface SubscriptionSignal {

    /**
     * One SubscribeToShardEvent.
     *
     * @param continuationSequenceNumber where to subscribe again to continue without a gap; null
     *     once the shard is closed and every record of it was delivered
     * @param millisBehindLatest how far the event is behind the tip of the shard, or null
     * @param childShards the shard's children, in the last event of a closed shard (AWS; some
     *     emulators never send them)
     */
    record Event(
            List<Record> records,
            String continuationSequenceNumber,
            Long millisBehindLatest,
            List<ChildShard> childShards)
            implements SubscriptionSignal {

        /** Whether this is the last event of a closed shard. */
        public boolean endsShard() {
            return continuationSequenceNumber == null || !childShards.isEmpty();
        }
    }

    /** The subscription ended normally (Kinesis closes it after 5 minutes). */
    record Ended() implements SubscriptionSignal {}

    /** The subscription failed or was refused; {@code error} is the SDK's exception, unwrapped. */
    record Failed(Throwable error) implements SubscriptionSignal {}
}
