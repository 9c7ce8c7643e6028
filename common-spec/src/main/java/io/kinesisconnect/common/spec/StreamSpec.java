package io.kinesisconnect.common.spec;

import java.util.List;
import java.util.Optional;

/** One stream of an ingress, the type of its values and the functions it routes to. */
public record StreamSpec(
        String stream, Optional<String> valueType, List<Target> targets, Origin origin) {

    /** A function type {@code namespace/name} that records of the stream are routed to. */
    public record Target(String namespace, String name, Origin origin) {
        @Override
        public String toString() {
            return namespace + "/" + name;
        }
    }
}
