package io.kinesisconnect.common.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code spec} of one Kinesis ingress or egress, whatever dialect it came in. */
final class ComponentReader {
    private static final List<String> COMMON =
            List.of(
                    "awsRegion",
                    "awsCredentials",
                    "clientConfigProperties",
                    KafkaConnectExtension.KEY);
    private static final List<String> INGRESS_ONLY = List.of("startupPosition", "streams");
    private static final List<String> EGRESS_ONLY = List.of("maxOutstandingRecords");

    private ComponentReader() {}

    /**
     * The component, or empty when errors were reported. {@code extraKnown} are keys the dialect
     * itself reads from the same map, such as {@code id} in 3.1.
     */
    static Optional<Component> read(
            ComponentKind kind, String id, Fields spec, List<String> extraKnown) {
        Optional<AwsRegion> region = AwsSpecReader.region(spec);
        Optional<AwsCredentials> credentials = AwsSpecReader.credentials(spec);
        List<ClientProperty> props = ClientPropertiesReader.read(spec);
        KafkaConnectExtension ext = ExtensionReader.read(spec);
        Origin origin = spec.context().origin(spec.path(), spec.line());
        Optional<Component> component =
                kind == ComponentKind.INGRESS
                        ? ingress(id, spec, origin, region, credentials, props, ext)
                        : egress(id, spec, origin, region, credentials, props, ext);
        List<String> known = new ArrayList<>(COMMON);
        known.addAll(kind == ComponentKind.INGRESS ? INGRESS_ONLY : EGRESS_ONLY);
        known.addAll(extraKnown);
        spec.reportUnknown(
                known, kind == ComponentKind.INGRESS ? egressOnlyHints() : ingressOnlyHints());
        return component;
    }

    private static Optional<Component> ingress(
            String id,
            Fields spec,
            Origin origin,
            Optional<AwsRegion> region,
            Optional<AwsCredentials> credentials,
            List<ClientProperty> props,
            KafkaConnectExtension ext) {
        Optional<StartupPosition> startup = StartupPositionReader.read(spec);
        Optional<List<StreamSpec>> streams = StreamsReader.read(spec);
        if (region.isEmpty() || credentials.isEmpty() || startup.isEmpty() || streams.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new IngressSpec(
                        id,
                        origin,
                        region.get(),
                        credentials.get(),
                        startup.get(),
                        streams.get(),
                        props,
                        ext));
    }

    private static Optional<Component> egress(
            String id,
            Fields spec,
            Origin origin,
            Optional<AwsRegion> region,
            Optional<AwsCredentials> credentials,
            List<ClientProperty> props,
            KafkaConnectExtension ext) {
        Optional<Long> max =
                spec.has("maxOutstandingRecords")
                        ? spec.number("maxOutstandingRecords", 1, Integer.MAX_VALUE)
                        : Optional.of(
                                (long)
                                        io.kinesisconnect.common.keys.SinkKeys
                                                .MAX_OUTSTANDING_RECORDS_DEFAULT);
        if (region.isEmpty() || credentials.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new EgressSpec(
                        id,
                        origin,
                        region.get(),
                        credentials.get(),
                        max.get().intValue(),
                        props,
                        ext));
    }

    private static Map<String, String> ingressOnlyHints() {
        return Map.of(
                "startupPosition",
                "applies to ingresses only",
                "streams",
                "applies to ingresses only (an egress names its stream per record)");
    }

    private static Map<String, String> egressOnlyHints() {
        return Map.of("maxOutstandingRecords", "applies to egresses only");
    }
}
