package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.EmulatorOptions;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.source.efo.EfoRegistration;
import io.kinesisconnect.source.efo.EfoValidation;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Validation's HTTP/2 check against real endpoints: kinesalite's plain port speaks only HTTP/1.1,
 * kinesis-mock's carries h2c. No Connect cluster: the check is one call.
 */
class EfoValidationIT {

    @RegisterExtension
    static final KinesisEmulatorExtension KINESALITE =
            KinesisEmulatorExtension.dedicated(EmulatorKind.KINESALITE, EmulatorOptions.defaults());

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS_MOCK =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @Test
    void aPlainHttpEndpointWithoutHttp2IsReportedOnTheEndpointKey() {
        String stream = KINESALITE.streams().create("efo-http1", 1);

        Map<String, List<String>> errors = check(KINESALITE, stream);

        assertThat(errors.get(AwsKeys.ENDPOINT))
                .singleElement()
                .asString()
                .contains(
                        "kinesis.reader.type=efo needs HTTP/2",
                        KINESALITE.emulator().endpoint().toString(),
                        "did not answer HTTP/2 without TLS (h2c)",
                        "https://",
                        "kinesis.reader.type=polling");
    }

    @Test
    void aPlainHttpEndpointThatCarriesH2cPasses() {
        // The control for the test above: the same check passes where h2c works.
        String stream = KINESIS_MOCK.streams().create("efo-h2c-check", 1);

        assertThat(check(KINESIS_MOCK, stream)).isEmpty();
    }

    private static Map<String, List<String>> check(
            KinesisEmulatorExtension kinesis, String stream) {
        Map<String, String> props =
                SourceTestConfigs.forEmulator(kinesis.emulator(), "v", List.of(stream), 1);
        KinesisSourceConfig config = new KinesisSourceConfig(props);
        return EfoValidation.check(config.aws(), List.of(stream), "v", EfoRegistration.EAGER);
    }
}
