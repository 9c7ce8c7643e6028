package io.kinesisconnect.common.spec;

import java.util.List;

/** A Kinesis ingress: becomes one source connector. */
public record IngressSpec(
        String id,
        Origin origin,
        AwsRegion region,
        AwsCredentials credentials,
        StartupPosition startupPosition,
        List<StreamSpec> streams,
        List<ClientProperty> clientProperties,
        KafkaConnectExtension extension)
        implements Component {}
