package io.kinesisconnect.common.spec;

import java.util.List;

/** A Kinesis egress: becomes one sink connector. */
public record EgressSpec(
        String id,
        Origin origin,
        AwsRegion region,
        AwsCredentials credentials,
        int maxOutstandingRecords,
        List<ClientProperty> clientProperties,
        KafkaConnectExtension extension)
        implements Component {}
