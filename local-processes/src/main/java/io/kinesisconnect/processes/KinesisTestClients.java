package io.kinesisconnect.processes;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * AWS SDK v2 clients for talking to an emulator: static credentials, us-east-1, plain HTTP or TLS
 * with a self-signed certificate.
 */
public final class KinesisTestClients {

    /** The region every emulator-facing client uses. */
    public static final Region REGION = Region.US_EAST_1;

    /** Credentials the emulators accept; they check the signature's shape, not the key. */
    public static final String ACCESS_KEY_ID = "test-access-key";

    /** The secret half of {@link #ACCESS_KEY_ID}. */
    public static final String SECRET_ACCESS_KEY = "test-secret-key";

    private KinesisTestClients() {}

    /** A synchronous client for {@code endpoint}. The caller closes it. */
    public static KinesisClient create(URI endpoint) {
        return builder(endpoint).httpClientBuilder(http()).build();
    }

    /**
     * A synchronous client for {@code endpoint} that never retries, so a test sees every throttling
     * answer itself instead of the SDK's backoff hiding it. The caller closes it.
     */
    public static KinesisClient createWithoutRetries(URI endpoint) {
        return builder(endpoint)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClientBuilder(http())
                .build();
    }

    /**
     * A synchronous client for {@code endpoint} that accepts any server certificate: for an https
     * endpoint with a self-signed certificate, such as the limits proxy's, on loopback only. The
     * caller closes it.
     */
    public static KinesisClient createTrustingAnyCertificate(URI endpoint) {
        AttributeMap trustAll =
                AttributeMap.builder()
                        .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true)
                        .build();
        return builder(endpoint)
                // The SDK still owns, and closes, the HTTP client built from its defaults.
                .httpClientBuilder(defaults -> http().buildWithDefaults(trustAll.merge(defaults)))
                .build();
    }

    /** The emulator's endpoint, region and credentials. */
    private static KinesisClientBuilder builder(URI endpoint) {
        return KinesisClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials());
    }

    /** Enough connections for a test's parallel writers; timeouts that fail fast on loopback. */
    private static Apache5HttpClient.Builder http() {
        return Apache5HttpClient.builder()
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30));
    }

    /** The static credentials provider for the emulators. */
    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }
}
