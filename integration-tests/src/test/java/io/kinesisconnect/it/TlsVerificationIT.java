package io.kinesisconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.common.aws.AwsClientFactory;
import io.kinesisconnect.common.aws.AwsConfigFragment;
import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Certificate verification is on unless the user switches it off: against kinesis-mock's
 * self-signed TLS port, a client built from the shared AWS settings refuses the connection by
 * default and connects only with aws.tls.verify.certificates=false.
 */
class TlsVerificationIT {

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @Test
    void aSelfSignedCertificateIsRefusedByDefault() {
        try (KinesisClient client = AwsClientFactory.kinesisClient(fragment(Map.of()))) {
            assertThatThrownBy(client::listStreams)
                    .isInstanceOf(SdkClientException.class)
                    .hasStackTraceContaining("SSL");
        }
    }

    @Test
    void onlyAnExplicitSettingTrustsTheCertificate() {
        Map<String, String> trustAll = Map.of(AwsKeys.TLS_VERIFY_CERTIFICATES, "false");
        try (KinesisClient client = AwsClientFactory.kinesisClient(fragment(trustAll))) {
            assertThat(client.listStreams().hasStreamNames()).isTrue();
        }
    }

    private static AwsConfigFragment fragment(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put(AwsKeys.REGION, KinesisTestClients.REGION.id());
        props.put(AwsKeys.ENDPOINT, KINESIS.emulator().tlsEndpoint().toString());
        props.put(AwsKeys.CREDENTIALS_PROVIDER, "basic");
        props.put(AwsKeys.ACCESS_KEY_ID, KinesisTestClients.ACCESS_KEY_ID);
        props.put(AwsKeys.SECRET_ACCESS_KEY, KinesisTestClients.SECRET_ACCESS_KEY);
        props.put(AwsKeys.CLIENT_MAX_RETRIES, "0");
        props.putAll(extra);
        return new AwsConfigFragment(
                new AbstractConfig(AwsConfigFragment.addTo(new ConfigDef()), props));
    }
}
