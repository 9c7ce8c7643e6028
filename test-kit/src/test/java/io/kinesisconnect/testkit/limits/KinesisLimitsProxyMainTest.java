package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KinesisLimitsProxyMainTest {

    @Test
    void parsesTheUpstreamThePortAndALimitsFile(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("limits.properties");
        Files.writeString(
                config, "write.records.per.second=200\nread.calls.per.second=unlimited\n");

        KinesisLimitsProxyMain.Options options =
                KinesisLimitsProxyMain.Options.parse(
                        new String[] {
                            "--upstream",
                            "http://127.0.0.1:4567",
                            "--port",
                            "4600",
                            "--config",
                            config.toString(),
                            "--stats-seconds",
                            "2"
                        });

        assertThat(options.upstream()).isEqualTo(URI.create("http://127.0.0.1:4567"));
        assertThat(options.port()).isEqualTo(4600);
        assertThat(options.statsSeconds()).isEqualTo(2);
        assertThat(options.limits().perSecond(Limit.WRITE_RECORDS)).isEqualTo(200);
        assertThat(options.limits().perSecond(Limit.READ_CALLS)).isEqualTo(KinesisLimits.UNLIMITED);
        assertThat(options.limits().perSecond(Limit.WRITE_BYTES)).isEqualTo(1024 * 1024);
    }

    @Test
    void defaultsToAFreePortAndAwsLimits() {
        KinesisLimitsProxyMain.Options options =
                KinesisLimitsProxyMain.Options.parse(
                        new String[] {"--upstream", "http://127.0.0.1:4567"});

        assertThat(options.port()).isZero();
        assertThat(options.transport()).isEqualTo(KinesisLimitsProxy.Transport.PLAIN_HTTP);
        assertThat(options.limits().toString()).isEqualTo(KinesisLimits.aws().toString());
    }

    @Test
    void tlsIsAFlagWithoutAValue() {
        KinesisLimitsProxyMain.Options options =
                KinesisLimitsProxyMain.Options.parse(
                        new String[] {
                            "--tls", "--upstream", "http://127.0.0.1:4567", "--port", "0"
                        });

        assertThat(options.transport()).isEqualTo(KinesisLimitsProxy.Transport.TLS);
        assertThat(options.upstream()).isEqualTo(URI.create("http://127.0.0.1:4567"));
    }

    @Test
    void badArgumentsSayWhatIsAccepted() {
        assertThatThrownBy(() -> KinesisLimitsProxyMain.Options.parse(new String[] {}))
                .hasMessageContaining("--upstream is required");
        assertThatThrownBy(
                        () ->
                                KinesisLimitsProxyMain.Options.parse(
                                        new String[] {"--upstream", "https://127.0.0.1:1"}))
                .hasMessageContaining("--upstream was 'https://127.0.0.1:1'")
                .hasMessageContaining("plain-HTTP URL");
        assertThatThrownBy(
                        () ->
                                KinesisLimitsProxyMain.Options.parse(
                                        new String[] {"--upstream", "http://h:1", "--port", "x"}))
                .hasMessageContaining("--port was 'x'")
                .hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> KinesisLimitsProxyMain.Options.parse(new String[] {"--port"}))
                .hasMessageContaining("--port needs a value");
    }

    @Test
    void theConfigFileSetsFaultsToo(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("faults.properties");
        Files.writeString(
                config,
                "fault.internal.failure.rate=0.05\n"
                        + "fault.dropped.connection.rate.PutRecords=0.01\n"
                        + "fault.latency.rate=0.1\n"
                        + "fault.latency.ms=200\n"
                        + "fault.internal.failure.window.PutRecords=5s-8s\n"
                        + "fault.dropped.connection.every=10\n");

        KinesisLimitsProxyMain.Options options =
                KinesisLimitsProxyMain.Options.parse(
                        new String[] {
                            "--upstream", "http://127.0.0.1:4567", "--config", config.toString()
                        });

        KinesisFaults faults = options.limits().faults();
        assertThat(faults.rate(Fault.INTERNAL_FAILURE, "GetRecords")).isEqualTo(0.05);
        assertThat(faults.rate(Fault.DROPPED_CONNECTION, "PutRecords")).isEqualTo(0.01);
        assertThat(faults.rate(Fault.DROPPED_CONNECTION, "GetRecords")).isZero();
        assertThat(faults.rate(Fault.LATENCY, "ListShards")).isEqualTo(0.1);
        assertThat(faults.latencyMillis()).isEqualTo(200);
        assertThat(options.limits().perSecond(Limit.WRITE_RECORDS)).isEqualTo(1_000);
        assertThat(faults.schedules())
                .containsExactlyInAnyOrder(
                        FaultSchedule.during(
                                Fault.INTERNAL_FAILURE,
                                "PutRecords",
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(8)),
                        FaultSchedule.everyNth(Fault.DROPPED_CONNECTION, null, 10));
        assertThat(KinesisLimitsProxyMain.USAGE)
                .contains("fault.internal.failure.rate")
                .contains("fault.internal.failure.window.PutRecords=5s-8s")
                .contains("<fault>.every[.<Operation>]=N");
    }
}
