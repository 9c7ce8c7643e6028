package io.kinesisconnect.source.kinesis;

import java.util.Optional;

/**
 * Enhanced fan-out's control plane: stream consumers. Kinesis limits these calls per account
 * (RegisterStreamConsumer 5/s, DescribeStreamConsumer 20/s); callers back off on
 * LimitExceededException.
 */
public interface ConsumerProxy {

    /** A registered consumer: its ARN and status (CREATING, ACTIVE or DELETING). */
    record StreamConsumer(String arn, String status) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /**
     * The stream's ARN (DescribeStreamSummary).
     *
     * @throws software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException if the stream
     *     does not exist
     */
    String streamArn(String stream);

    /** The consumer of that name on the stream (DescribeStreamConsumer), or empty when none. */
    Optional<StreamConsumer> describeConsumer(String streamArn, String consumerName);

    /**
     * Registers a consumer (RegisterStreamConsumer); it starts as CREATING.
     *
     * @throws software.amazon.awssdk.services.kinesis.model.ResourceInUseException when a consumer
     *     of that name exists already
     * @throws software.amazon.awssdk.services.kinesis.model.LimitExceededException at more than
     *     five calls per second, five consumers being created or 20 consumers on the stream
     */
    StreamConsumer registerConsumer(String streamArn, String consumerName);
}
