package io.kinesisconnect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.sink.TestConfigs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.kinesis.producer.KinesisProducerConfiguration;

class KplSettingsTest {

    @Test
    void unknownKplKeyIsAnErrorThatNamesItAndSuggestsTheRightOne() {
        Map<String, List<String>> errors =
                KplSettings.validate(TestConfigs.props("kpl.RecordMaxBufferTime", "100"));
        assertThat(errors).containsOnlyKeys("kpl.RecordMaxBufferTime");
        assertThat(errors.get("kpl.RecordMaxBufferTime").get(0))
                .contains("is not a KPL setting")
                .contains("Did you mean 'RecordMaxBufferedTime'?");
    }

    @Test
    void outOfRangeValuesAreErrors() {
        Map<String, List<String>> errors =
                KplSettings.validate(
                        TestConfigs.props(
                                "kpl.CollectionMaxCount", "501",
                                "kpl.AggregationEnabled", "yes",
                                "kpl.RecordTtl", "30000"));
        assertThat(errors).containsOnlyKeys("kpl.CollectionMaxCount", "kpl.AggregationEnabled");
        assertThat(errors.get("kpl.CollectionMaxCount").get(0)).contains("between 1 and 500");
    }

    @Test
    void secretValuesAreNotEchoed() {
        Map<String, List<String>> errors =
                KplSettings.validate(TestConfigs.props("kpl.ProxyPasword", "hunter2"));
        assertThat(errors.toString()).doesNotContain("hunter2");
    }

    @Test
    void httpEndpointIsRejectedWithATlsHint() {
        Map<String, List<String>> errors =
                KplSettings.validate(TestConfigs.props("aws.endpoint", "http://127.0.0.1:4567"));
        assertThat(errors).containsOnlyKeys("aws.endpoint");
        assertThat(errors.get("aws.endpoint").get(0))
                .contains("only over TLS")
                .contains("https://");
    }

    @Test
    void certificateVerificationHasOneSwitch() {
        assertThat(KplSettings.validate(TestConfigs.props("kpl.VerifyCertificate", "false")))
                .containsKey("kpl.VerifyCertificate");
    }

    @Test
    void sharedSettingsBecomeKplSettingsAndKplKeysWin() {
        KinesisProducerConfiguration kpl =
                KplSettings.producerConfiguration(
                        TestConfigs.config(
                                "aws.endpoint", "https://127.0.0.1:4568",
                                "aws.tls.verify.certificates", "false",
                                "kpl.RecordMaxBufferedTime", "50",
                                "kpl.MetricsLevel", "none"),
                        AnonymousCredentialsProvider.create());
        assertThat(kpl.getKinesisEndpoint()).isEqualTo("127.0.0.1");
        assertThat(kpl.getKinesisPort()).isEqualTo(4568);
        assertThat(kpl.isVerifyCertificate()).isFalse();
        assertThat(kpl.getRegion()).isEqualTo("us-east-1");
        assertThat(kpl.isAggregationEnabled()).isTrue();
        assertThat(kpl.getRecordDistributionStrategyDefault().name())
                .isEqualTo("USER_PARTITION_KEY");
        assertThat(kpl.getRecordMaxBufferedTime()).isEqualTo(50);
        assertThat(kpl.getMetricsLevel()).isEqualTo("none");

        KinesisProducerConfiguration defaults =
                KplSettings.producerConfiguration(
                        TestConfigs.config("aws.endpoint", "https://vpce.example"),
                        AnonymousCredentialsProvider.create());
        assertThat(defaults.getKinesisPort()).isEqualTo(443);
        assertThat(defaults.isVerifyCertificate()).isTrue();
    }

    @Test
    void theRecordDeadlineFollowsTheKplsOwnTimeLimits() {
        KinesisProducerConfiguration kpl =
                KplSettings.producerConfiguration(
                        TestConfigs.config("kpl.RecordTtl", "2000", "kpl.RequestTimeout", "1000"),
                        AnonymousCredentialsProvider.create());
        assertThat(KplSettings.recordDeadline(kpl))
                .isEqualTo(Duration.ofMillis(3_000).plus(KplSettings.DEADLINE_GRACE));
    }

    @Test
    void aProxyPasswordIsWarnedAboutWithoutEchoingIt() {
        assertThat(
                        KplSettings.processListExposure(
                                TestConfigs.props("kpl.ProxyPassword", "marker-5ecret")))
                .hasValueSatisfying(
                        w ->
                                assertThat(w)
                                        .contains("kpl.ProxyPassword")
                                        .contains("command line")
                                        .doesNotContain("marker-5ecret"));
        assertThat(KplSettings.processListExposure(TestConfigs.props("kpl.ProxyHost", "proxy")))
                .isEmpty();
    }
}
