package io.kinesisconnect.source.efo;

import io.kinesisconnect.common.aws.AwsClientFactory;
import io.kinesisconnect.common.aws.AwsConfigFragment;
import io.kinesisconnect.source.kinesis.SdkConsumerProxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The consumer ARNs of a connector's streams, for the connector's start (which registers them under
 * {@link EfoRegistration#EAGER}) and the tasks' (which look them up: an ARN changes when a consumer
 * is registered again).
 */
public final class EfoConsumers {

    private EfoConsumers() {}

    /**
     * @return stream name to the ARN of its ACTIVE consumer {@code name}
     * @throws org.apache.kafka.connect.errors.ConnectException as {@link
     *     ConsumerRegistration#activeConsumerArn} does
     */
    public static Map<String, String> activeArns(
            AwsConfigFragment aws,
            List<String> streams,
            String name,
            EfoRegistration registration) {
        try (KinesisClient client = AwsClientFactory.kinesisClient(aws)) {
            ConsumerRegistration consumers = ConsumerRegistration.of(new SdkConsumerProxy(client));
            Map<String, String> arns = new LinkedHashMap<>();
            for (String stream : streams) {
                arns.put(stream, consumers.activeConsumerArn(stream, name, registration));
            }
            return arns;
        }
    }
}
