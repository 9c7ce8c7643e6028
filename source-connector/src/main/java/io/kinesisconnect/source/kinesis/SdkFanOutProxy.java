package io.kinesisconnect.source.kinesis;

import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StartingPosition;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;

/** {@link FanOutProxy} over the SDK's asynchronous client, which must speak HTTP/2. */
public final class SdkFanOutProxy implements FanOutProxy {

    private final KinesisAsyncClient client;

    public SdkFanOutProxy(KinesisAsyncClient client) {
        this.client = client;
    }

    @Override
    public ShardSubscription subscribe(
            String consumerArn, String shardId, IteratorPosition position) {
        SdkShardSubscription subscription = new SdkShardSubscription();
        SubscribeToShardResponseHandler handler =
                SubscribeToShardResponseHandler.builder()
                        .subscriber(() -> subscription)
                        .onError(subscription::onError)
                        .build();
        try {
            subscription.watch(
                    client.subscribeToShard(
                            b ->
                                    b.consumerARN(consumerArn)
                                            .shardId(shardId)
                                            .startingPosition(startingPosition(position)),
                            handler));
        } catch (RuntimeException e) {
            subscription.onError(e);
        }
        return subscription;
    }

    static StartingPosition startingPosition(IteratorPosition position) {
        StartingPosition.Builder start = StartingPosition.builder();
        // Java 17 has no pattern switch; the sealed interface keeps this chain exhaustive in
        // spirit.
        if (position instanceof IteratorPosition.AtTimestamp at) {
            start.type(ShardIteratorType.AT_TIMESTAMP).timestamp(at.timestamp());
        } else if (position instanceof IteratorPosition.AtSequenceNumber at) {
            start.type(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(at.sequenceNumber());
        } else if (position instanceof IteratorPosition.AfterSequenceNumber after) {
            start.type(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .sequenceNumber(after.sequenceNumber());
        } else {
            start.type(ShardIteratorType.TRIM_HORIZON);
        }
        return start.build();
    }

    @Override
    public void close() {
        client.close();
    }
}
