package io.kinesisconnect.common.spec;

import java.util.List;

/** A Kinesis ingress or egress of a StateFun module. */
public sealed interface Component permits IngressSpec, EgressSpec {
    /** The StateFun id, {@code namespace/name}. */
    String id();

    /** Where the component's {@code spec} is. */
    Origin origin();

    AwsRegion region();

    AwsCredentials credentials();

    List<ClientProperty> clientProperties();

    KafkaConnectExtension extension();
}
