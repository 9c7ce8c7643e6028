package io.kinesisconnect.common.translate;

/** How secrets from the spec are written into connector configs. */
public sealed interface SecretHandling {
    /** Written as they are; whoever can read the connector config can read them. */
    record Inline() implements SecretHandling {}

    /**
     * Written as a reference to Connect's FileConfigProvider, {@code ${file:<path>:<key>}}; the
     * values go to a properties file at {@code path} on the worker (which needs {@code
     * config.providers=file}).
     */
    record FileReference(String path) implements SecretHandling {
        /** The reference for {@code secretKey} in the secrets file. */
        public String reference(String secretKey) {
            return "${file:" + path + ":" + secretKey + "}";
        }
    }
}
