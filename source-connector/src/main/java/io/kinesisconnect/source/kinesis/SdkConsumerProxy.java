package io.kinesisconnect.source.kinesis;

import java.util.Optional;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ConsumerDescription;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/** {@link ConsumerProxy} over the synchronous SDK client; the caller owns the client. */
public final class SdkConsumerProxy implements ConsumerProxy {

    private final KinesisClient client;

    public SdkConsumerProxy(KinesisClient client) {
        this.client = client;
    }

    @Override
    public String streamArn(String stream) {
        return client.describeStreamSummary(b -> b.streamName(stream))
                .streamDescriptionSummary()
                .streamARN();
    }

    @Override
    public Optional<StreamConsumer> describeConsumer(String streamArn, String consumerName) {
        try {
            ConsumerDescription description =
                    client.describeStreamConsumer(
                                    b -> b.streamARN(streamArn).consumerName(consumerName))
                            .consumerDescription();
            return Optional.of(
                    new StreamConsumer(
                            description.consumerARN(), description.consumerStatusAsString()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public StreamConsumer registerConsumer(String streamArn, String consumerName) {
        var consumer =
                client.registerStreamConsumer(
                                b -> b.streamARN(streamArn).consumerName(consumerName))
                        .consumer();
        return new StreamConsumer(consumer.consumerARN(), consumer.consumerStatusAsString());
    }
}
