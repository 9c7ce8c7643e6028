package io.kinesisconnect.testkit.limits;

import io.kinesisconnect.processes.KinesisTestClients;
import java.net.URI;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * SDK v2 clients that speak CBOR, in a test JVM where {@code aws.cborEnabled=false} (failsafe and
 * the emulator extensions set it for every other client). The SDK reads the property once, when the
 * client is built, so it is turned on for the build only and then restored.
 */
final class CborClients {

    private static final String CBOR_PROPERTY = "aws.cborEnabled";

    private CborClients() {}

    /** A client for {@code endpoint} that sends CBOR and never retries. The caller closes it. */
    static synchronized KinesisClient createWithoutRetries(URI endpoint) {
        String previous = System.getProperty(CBOR_PROPERTY);
        System.setProperty(CBOR_PROPERTY, "true");
        try {
            return KinesisTestClients.createWithoutRetries(endpoint);
        } finally {
            if (previous == null) {
                System.clearProperty(CBOR_PROPERTY);
            } else {
                System.setProperty(CBOR_PROPERTY, previous);
            }
        }
    }
}
