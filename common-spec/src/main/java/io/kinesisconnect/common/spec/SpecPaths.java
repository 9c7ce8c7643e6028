package io.kinesisconnect.common.spec;

/** Builds YAML paths such as {@code module.spec.ingresses[0].ingress.spec.streams[1].targets}. */
final class SpecPaths {
    private SpecPaths() {}

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
