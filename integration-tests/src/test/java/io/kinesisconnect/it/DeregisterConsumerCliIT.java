package io.kinesisconnect.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.keys.SourceKeys;
import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.Consumer;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;

/**
 * {@code kinesis-connect deregister-consumer} against kinesis-mock's TLS port: it finds the
 * streams, the consumer name and the endpoint in a source connector's config file, shows what it
 * would do on a dry run, deregisters, is a no-op the second time, and keeps certificate
 * verification on unless the config turns it off.
 */
class DeregisterConsumerCliIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @TempDir Path dir;

    /** The CLI takes credentials from the SDK's default chain, of which these come first. */
    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", KinesisTestClients.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", KinesisTestClients.SECRET_ACCESS_KEY);
    }

    @AfterAll
    static void noCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void deregistersTheConnectorsConsumerFromEachStreamAfterADryRun() throws IOException {
        String orders = KINESIS.streams().create("dereg-orders", 1);
        String refunds = KINESIS.streams().create("dereg-refunds", 1);
        register(orders, "orders-efo");
        register(refunds, "orders-efo");
        Path config = configFile(orders + "," + refunds, true);

        CliRun dryRun =
                CliRun.of("deregister-consumer", "--config", config.toString(), "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out())
                .contains("'" + orders + "': would deregister consumer 'orders-efo'")
                .contains("'" + refunds + "': would deregister consumer 'orders-efo'");
        assertThat(consumers(orders)).as("a dry run changes nothing").hasSize(1);
        assertThat(consumers(refunds)).hasSize(1);

        CliRun run = CliRun.of("deregister-consumer", "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("'" + orders + "': deregistered consumer 'orders-efo'")
                .contains("'" + refunds + "': deregistered consumer 'orders-efo'");
        for (String stream : List.of(orders, refunds)) {
            Await.until(
                    "no consumer left on " + stream, TIMEOUT, () -> consumers(stream).isEmpty());
        }

        CliRun again = CliRun.of("deregister-consumer", "--config", config.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("consumer 'orders-efo' is not registered; nothing to do");
    }

    @Test
    void aMissingStreamFailsAndNamesIt() throws IOException {
        Path config = configFile("dereg-never-created", true);

        CliRun run = CliRun.of("deregister-consumer", "--config", config.toString());

        assertThat(run.exitCode()).isOne();
        assertThat(run.err()).contains("'dereg-never-created': no such stream");
    }

    @Test
    void certificatesAreVerifiedUnlessTheConfigTurnsItOff() throws IOException {
        String stream = KINESIS.streams().create("dereg-tls", 1);
        register(stream, "tls-efo");
        Path verifying = configFile(stream, false, "tls-efo");

        CliRun refused = CliRun.of("deregister-consumer", "--config", verifying.toString());

        assertThat(refused.exitCode()).isOne();
        assertThat(refused.err())
                .contains("TLS certificate is not trusted", "--no-verify-certificates");
        assertThat(consumers(stream)).hasSize(1);

        CliRun trusting =
                CliRun.of(
                        "deregister-consumer",
                        "--config",
                        verifying.toString(),
                        "--no-verify-certificates");
        assertThat(trusting.exitCode()).as(trusting.toString()).isZero();
    }

    private Path configFile(String streams, boolean trustSelfSigned) throws IOException {
        return configFile(streams, trustSelfSigned, "orders-efo");
    }

    /**
     * Each case has its own consumer name: kinesis-mock (0.6.2) finishing a deregistration can
     * remove a consumer of the same name that was registered meanwhile on another stream.
     */
    private Path configFile(String streams, boolean trustSelfSigned, String connectorName)
            throws IOException {
        Path file = Files.createTempFile(dir, "source", ".json");
        Files.writeString(
                file,
                "{\"name\": \""
                        + connectorName
                        + "\", \"config\": {"
                        + "\"connector.class\": \""
                        + SourceKeys.CONNECTOR_CLASS_NAME
                        + "\", \""
                        + SourceKeys.STREAMS
                        + "\": \""
                        + streams
                        + "\", \"kinesis.reader.type\": \"efo\", \""
                        + AwsKeys.REGION
                        + "\": \""
                        + KinesisTestClients.REGION.id()
                        + "\", \""
                        + AwsKeys.ENDPOINT
                        + "\": \""
                        + KINESIS.emulator().tlsEndpoint()
                        + "\""
                        + (trustSelfSigned
                                ? ", \"" + AwsKeys.TLS_VERIFY_CERTIFICATES + "\": \"false\""
                                : "")
                        + "}}");
        return file;
    }

    private static void register(String stream, String name) {
        String arn = streamArn(stream);
        KINESIS.client().registerStreamConsumer(b -> b.streamARN(arn).consumerName(name));
        Await.until(
                name + " ACTIVE on " + stream,
                TIMEOUT,
                () ->
                        consumers(stream).stream()
                                .anyMatch(c -> c.consumerStatus() == ConsumerStatus.ACTIVE));
    }

    private static List<Consumer> consumers(String stream) {
        String arn = streamArn(stream);
        return KINESIS.client().listStreamConsumers(b -> b.streamARN(arn)).consumers();
    }

    private static String streamArn(String stream) {
        return KINESIS.client()
                .describeStreamSummary(b -> b.streamName(stream))
                .streamDescriptionSummary()
                .streamARN();
    }
}
