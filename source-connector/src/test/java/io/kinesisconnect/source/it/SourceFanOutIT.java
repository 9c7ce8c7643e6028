package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.processes.TopicReader;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.source.KinesisSourceConnector;
import io.kinesisconnect.source.efo.EfoConfigFragment;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.metrics.SourceTaskMetrics;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Enhanced fan-out on kinesis-mock: what only this reader type does. The cases common to both
 * reader types run in the parameterized source ITs.
 */
class SourceFanOutIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(1);

    @Test
    void subscriptionsRenewedWhileRecordsFlowLoseAndRepeatNothing() throws JMException {
        String stream = KINESIS.streams().create("efo-renew", 2);
        KeyedRecords records = new KeyedRecords(20);
        StreamWriter writer = new StreamWriter(KINESIS.client());
        writer.putAll(stream, records.next(500));
        Map<String, String> config = config("efo-renew", stream);
        config.put(EfoConfigFragment.MAX_AGE_CONFIG, "5000");
        start("efo-renew", config);

        // Records keep flowing until the reader has renewed its subscriptions at least twice (the
        // maximum age is 5 s), however fast the machine is; then one more batch follows the
        // renewals.
        Await.until(
                "2 subscription renewals while records flow",
                TIMEOUT,
                Duration.ofMillis(500),
                () -> {
                    writer.putAll(stream, records.next(100));
                    return renewalsSoFar("efo-renew", stream) >= 2;
                },
                () -> "renewals " + renewalsSoFar("efo-renew", stream));
        writer.putAll(stream, records.next(500));
        Delivered delivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(),
                        stream,
                        records.all(),
                        false,
                        TIMEOUT);

        long renewals = renewals("efo-renew", stream);
        assertThat(renewals).as("subscription renewals").isGreaterThanOrEqualTo(2);
        assertThat(delivered.distinctValues()).isEqualTo(records.all());
        assertThat(delivered.duplicates()).isZero();
        assertThat(delivered.keysOutOfOrder()).isEmpty();
        System.out.printf(
                "EFO renewal: %d records on 2 shards, %d renewals, %d duplicates%n",
                records.all().size(), renewals, delivered.duplicates());
    }

    @Test
    void plainHttpEndpointCarriesHttp2WithoutTls() {
        String stream = KINESIS.streams().create("efo-h2c", 1);
        KeyedRecords records = new KeyedRecords(10);
        new StreamWriter(KINESIS.client()).putAll(stream, records.next(200));
        Map<String, String> config = config("efo-h2c", stream);
        config.put(AwsKeys.ENDPOINT, KINESIS.emulator().endpoint().toString());
        config.remove(AwsKeys.TLS_VERIFY_CERTIFICATES);
        start("efo-h2c", config);

        Delivered delivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(),
                        stream,
                        records.all(),
                        false,
                        TIMEOUT);

        assertThat(delivered.distinctValues()).isEqualTo(records.all());
        assertThat(delivered.duplicates()).isZero();
    }

    @Test
    void selfManagedUsesAnExistingConsumerAndReportsAMissingOneOnItsKey() {
        String stream = KINESIS.streams().create("efo-self", 1);
        String streamArn = streamArn(stream);
        Map<String, String> missing = config("efo-self-missing", stream);
        missing.put(EfoConfigFragment.REGISTRATION_CONFIG, "self-managed");
        missing.put(EfoConfigFragment.CONSUMER_NAME_CONFIG, "nobody-registered-me");

        JsonNode validation =
                CONNECT.cluster().validate(KinesisSourceConnector.class.getName(), missing).json();

        assertThat(errorsOf(validation, EfoConfigFragment.CONSUMER_NAME_CONFIG))
                .singleElement()
                .asString()
                .contains("'nobody-registered-me'", "is not registered", stream, "eager");

        KINESIS.client().registerStreamConsumer(b -> b.streamARN(streamArn).consumerName("ops"));
        Await.until(
                "consumer ops ACTIVE",
                TIMEOUT,
                () ->
                        KINESIS.client()
                                        .describeStreamConsumer(
                                                b -> b.streamARN(streamArn).consumerName("ops"))
                                        .consumerDescription()
                                        .consumerStatus()
                                == ConsumerStatus.ACTIVE);
        KeyedRecords records = new KeyedRecords(5);
        new StreamWriter(KINESIS.client()).putAll(stream, records.next(100));
        Map<String, String> existing = config("efo-self", stream);
        existing.put(EfoConfigFragment.REGISTRATION_CONFIG, "self-managed");
        existing.put(EfoConfigFragment.CONSUMER_NAME_CONFIG, "ops");
        JsonNode valid =
                CONNECT.cluster().validate(KinesisSourceConnector.class.getName(), existing).json();
        assertThat(valid.path("error_count").asInt()).isZero();
        start("efo-self", existing);

        Delivered delivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(),
                        stream,
                        records.all(),
                        false,
                        TIMEOUT);
        assertThat(delivered.duplicates()).isZero();
        assertThat(KINESIS.client().listStreamConsumers(b -> b.streamARN(streamArn)).consumers())
                .as("self-managed registers nothing")
                .hasSize(1);
    }

    @Test
    void twoConnectorsWithTheirOwnConsumersEachReceiveEveryRecord() {
        String stream = KINESIS.streams().create("efo-two", 2);
        KeyedRecords records = new KeyedRecords(10);
        new StreamWriter(KINESIS.client()).putAll(stream, records.next(400));
        for (String name : List.of("efo-a", "efo-b")) {
            Map<String, String> config = config(name, stream);
            config.put(KinesisSourceConfig.TOPIC_TEMPLATE_CONFIG, name + "-${stream}");
            start(name, config);
        }

        for (String name : List.of("efo-a", "efo-b")) {
            Delivered delivered =
                    Delivered.awaitAll(
                            CONNECT.cluster().bootstrapServers(),
                            name + "-" + stream,
                            records.all(),
                            false,
                            TIMEOUT);
            assertThat(delivered.distinctValues()).as(name).isEqualTo(records.all());
            assertThat(delivered.duplicates()).as(name).isZero();
        }
        String streamArn = streamArn(stream);
        assertThat(KINESIS.client().listStreamConsumers(b -> b.streamARN(streamArn)).consumers())
                .extracting(c -> c.consumerName())
                .containsExactlyInAnyOrder("efo-a", "efo-b");

        // Connect cannot tell a delete from a restart, so stopping and deleting a connector leaves
        // its consumer registered (the README shows how to deregister it).
        CONNECT.cluster().stop("efo-a").requireSuccess("stop efo-a");
        CONNECT.cluster().awaitStopped("efo-a", TIMEOUT);
        CONNECT.cluster().delete("efo-a").requireSuccess("delete efo-a");
        Await.until(
                "efo-a deleted", TIMEOUT, () -> CONNECT.cluster().status("efo-a").status() == 404);
        assertThat(KINESIS.client().listStreamConsumers(b -> b.streamARN(streamArn)).consumers())
                .as("consumers after efo-a was stopped and deleted")
                .filteredOn(c -> c.consumerStatus() == ConsumerStatus.ACTIVE)
                .extracting(c -> c.consumerName())
                .containsExactlyInAnyOrder("efo-a", "efo-b");
    }

    @Test
    void aConsumerDeregisteredUnderARunningConnectorIsRegisteredAgainAndNothingIsLost() {
        String stream = KINESIS.streams().create("efo-dereg", 2);
        String streamArn = streamArn(stream);
        KeyedRecords records = new KeyedRecords(10);
        StreamWriter writer = new StreamWriter(KINESIS.client());
        writer.putAll(stream, records.next(300));
        Map<String, String> config = config("efo-dereg", stream);
        // Resubscribing soon after the deregistration is what meets the stale consumer ARN.
        config.put(EfoConfigFragment.MAX_AGE_CONFIG, "5000");
        start("efo-dereg", config);
        new TopicReader(CONNECT.cluster().bootstrapServers(), false)
                .awaitAtLeast(stream, 300, TIMEOUT);
        String before = consumerArn(streamArn, "efo-dereg");

        KINESIS.client()
                .deregisterStreamConsumer(b -> b.streamARN(streamArn).consumerName("efo-dereg"));
        writer.putAll(stream, records.next(300));
        Delivered delivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(),
                        stream,
                        records.all(),
                        false,
                        TIMEOUT);

        String after = consumerArn(streamArn, "efo-dereg");
        assertThat(after).as("the consumer registered again, under a new ARN").isNotEqualTo(before);
        assertThat(delivered.distinctValues()).isEqualTo(records.all());
        assertThat(delivered.duplicates()).isZero();
        assertThat(delivered.keysOutOfOrder()).isEmpty();
        assertThat(
                        CONNECT.cluster()
                                .status("efo-dereg")
                                .json()
                                .path("tasks")
                                .get(0)
                                .path("state")
                                .asText())
                .isEqualTo("RUNNING");
    }

    /** The renewals so far; 0 while the task's shard beans are not registered yet. */
    private static long renewalsSoFar(String connector, String stream) {
        try {
            return renewals(connector, stream);
        } catch (JMException e) {
            return 0;
        }
    }

    private static long renewals(String connector, String stream) throws JMException {
        long total = 0;
        for (var shard : KINESIS.streams().shards(stream)) {
            total +=
                    (Long)
                            SERVER.getAttribute(
                                    SourceTaskMetrics.shardName(
                                            connector, "0", new ShardRef(stream, shard.shardId())),
                                    "SubscriptionRenewals");
        }
        return total;
    }

    private static String streamArn(String stream) {
        return KINESIS.client()
                .describeStreamSummary(b -> b.streamName(stream))
                .streamDescriptionSummary()
                .streamARN();
    }

    /** The ARN of the consumer once it is ACTIVE (again). */
    private static String consumerArn(String streamArn, String name) {
        return Await.value(
                "consumer " + name + " ACTIVE",
                TIMEOUT,
                () -> {
                    try {
                        var consumer =
                                KINESIS.client()
                                        .describeStreamConsumer(
                                                b -> b.streamARN(streamArn).consumerName(name))
                                        .consumerDescription();
                        return consumer.consumerStatus() == ConsumerStatus.ACTIVE
                                ? consumer.consumerARN()
                                : null;
                    } catch (ResourceNotFoundException e) {
                        return null;
                    }
                });
    }

    private static Map<String, String> config(String name, String stream) {
        Map<String, String> config =
                SourceTestConfigs.forReader(KINESIS.emulator(), name, List.of(stream), 1, "efo");
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        return config;
    }

    private static void start(String name, Map<String, String> config) {
        CONNECT.cluster().putConnectorConfig(name, config).requireSuccess("create " + name);
        CONNECT.cluster().awaitRunning(name, 1, TIMEOUT);
    }

    private static List<String> errorsOf(JsonNode validation, String key) {
        List<String> errors = new ArrayList<>();
        for (JsonNode config : validation.path("configs")) {
            if (key.equals(config.path("value").path("name").asText())) {
                config.path("value").path("errors").forEach(e -> errors.add(e.asText()));
            }
        }
        return errors;
    }
}
