package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/**
 * The proxy over TLS: it serves HTTPS with its self-signed certificate, a client that checks
 * certificates refuses it, and one that does not writes through it and meets the same limits.
 */
class KinesisLimitsProxyTlsIT {

    private static final int RECORDS_PER_SECOND = 10;
    private static final int ENTRIES = 40;

    @Order(1)
    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESALITE);

    @Order(2)
    @RegisterExtension
    static final KinesisLimitsProxyExtension TLS =
            KinesisLimitsProxyExtension.inFrontOf(
                            KINESIS,
                            KinesisLimits.aws().with(Limit.WRITE_RECORDS, RECORDS_PER_SECOND))
                    .withTls();

    @Test
    void servesHttpsAndEnforcesItsLimitsThere() {
        String stream = KINESIS.streams().create("limits-tls", 1);
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            entries.add(
                    PutRecordsRequestEntry.builder()
                            .partitionKey("key-" + i)
                            .data(SdkBytes.fromUtf8String("record-" + i))
                            .build());
        }

        PutRecordsResponse response =
                TLS.client().putRecords(r -> r.streamName(stream).records(entries));

        assertThat(TLS.endpoint().getScheme()).isEqualTo("https");
        assertThat(TLS.proxy().transport()).isEqualTo(KinesisLimitsProxy.Transport.TLS);
        // 40 entries at once against 10 a second (one second of burst): most are refused.
        assertThat(response.failedRecordCount()).isPositive().isLessThan(ENTRIES);
        assertThat(TLS.counters().refused("PutRecords"))
                .isEqualTo((long) response.failedRecordCount());
        assertThat(TLS.counters().allowed("PutRecords"))
                .isEqualTo((long) ENTRIES - response.failedRecordCount());
    }

    @Test
    void aClientThatChecksCertificatesIsRefused() {
        long callsBefore = TLS.counters().allowed("ListStreams");
        try (KinesisClient verifying =
                KinesisClient.builder()
                        .endpointOverride(TLS.endpoint())
                        .region(KinesisTestClients.REGION)
                        .credentialsProvider(KinesisTestClients.credentials())
                        .httpClientBuilder(
                                Apache5HttpClient.builder()
                                        .connectionTimeout(Duration.ofSeconds(5))
                                        .socketTimeout(Duration.ofSeconds(10)))
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build()) {
            Throwable refused = catchThrowable(verifying::listStreams);
            assertThat(refused).isInstanceOf(SdkClientException.class);
            assertThat(causes(refused)).hasAtLeastOneElementOfType(SSLHandshakeException.class);
        }
        assertThat(TLS.counters().allowed("ListStreams")).isEqualTo(callsBefore);
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
