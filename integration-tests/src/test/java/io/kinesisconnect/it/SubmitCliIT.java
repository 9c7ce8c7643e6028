package io.kinesisconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.keys.SinkKeys;
import io.kinesisconnect.common.keys.SourceKeys;
import io.kinesisconnect.common.translate.ConnectorConfig;
import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.KinesisStreams;
import io.kinesisconnect.processes.LandedRecord;
import io.kinesisconnect.processes.StreamContents;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.processes.TopicReader;
import io.kinesisconnect.source.record.KinesisHeaders;
import io.kinesisconnect.testkit.ConnectTestCluster;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.KplTestProducer;
import io.kinesisconnect.testkit.RestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kinesis-connect submit}, run in this JVM, against Kafka's embedded Connect cluster that
 * loads the project's source and sink connectors from the classpath, with streams in a Kinesis
 * emulator. The specs are StateFun module files as users write them: an ingress per dialect, and a
 * 3.1 egress.
 */
class SubmitCliIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String CONFIG_TOPIC = "it-submit-connect-configs";
    private static final int SHARDS = 2;
    private static final int AGGREGATED_RECORDS = 200;

    /** A StateFun 3.1 egress with its topics, stream and KPL settings in the spec. */
    private static final String EGRESS_FIXTURE = "submit/statefun-31-egress.yaml";

    private static final String EGRESS_CONNECTOR = "statefun-shop31out-receipts-sink";
    private static final String EGRESS_SECRET = "it-secret-31-egress-do-not-print";

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    private static ConnectTestCluster connect;

    @TempDir Path tmp;

    @BeforeAll
    static void startConnect() {
        connect =
                ConnectTestCluster.builder()
                        .name("submit-cli")
                        .workers(2)
                        // Named, so the test can see whether anything was written to it.
                        .workerProperty("config.storage.topic", CONFIG_TOPIC)
                        // Kafka's stock worker settings, as a user's worker has them: the
                        // translated configs must bring their own converters to move raw bytes.
                        .workerProperty("key.converter", JsonConverter.class.getName())
                        .workerProperty("value.converter", JsonConverter.class.getName())
                        .workerProperty("key.converter.schemas.enable", "true")
                        .workerProperty("value.converter.schemas.enable", "true")
                        // For specs submitted with --secrets-file.
                        .workerProperty("config.providers", "file")
                        .workerProperty(
                                "config.providers.file.class", FileConfigProvider.class.getName())
                        .start();
    }

    @AfterAll
    static void stopConnect() {
        if (connect != null) {
            connect.close();
        }
    }

    @AfterEach
    void deleteConnectors() {
        for (String name : connectorNames()) {
            connect.delete(name).requireSuccess("delete " + name);
            Await.until(name + " to be gone", TIMEOUT, () -> connect.status(name).status() == 404);
        }
    }

    /** A Kinesis stream of a fixture, and what the ingress makes of its records. */
    record Route(String placeholder, String valueType, List<String> topics) {}

    /** The ingress fixtures, one per StateFun dialect, and what each should run as. */
    enum Dialect {
        STATEFUN_2(
                "submit/statefun-20-ingress.yaml",
                "statefun-shop20-orders-source",
                1,
                new Route(
                        "ORDERS_STREAM",
                        "com.googleapis/shop.Order",
                        List.of("shop20.fn.orders", "shop20.fn.audit"))),
        STATEFUN_3_0(
                "submit/statefun-30-ingress.yaml",
                "statefun-shop30-orders-source",
                1,
                new Route(
                        "ORDERS_STREAM",
                        "shop/Order",
                        List.of("shop30.fn.orders", "shop30.fn.audit")),
                new Route("PAYMENTS_STREAM", "shop/Payment", List.of("shop30.fn.payments"))),
        STATEFUN_3_1(
                "submit/statefun-31-ingress.yaml",
                "statefun-shop31-orders-source",
                // x-kafka-connect.config sets tasks.max 2, and the stream has two shards.
                2,
                new Route(
                        "ORDERS_STREAM",
                        "shop/Order",
                        List.of("shop31.fn.orders", "shop31.fn.audit")));

        final String fixture;
        final String connector;
        final int tasks;
        final List<Route> routes;

        Dialect(String fixture, String connector, int tasks, Route... routes) {
            this.fixture = fixture;
            this.connector = connector;
            this.tasks = tasks;
            this.routes = List.of(routes);
        }

        /** The secret in the fixture, which must never be printed. */
        String secret() {
            return SpecFixtures.read(fixture).replaceAll("(?s).*secretAccessKey: (\\S+).*", "$1");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void submittedSpecPassesWorkerValidationAndRunsAsTranslated(Dialect dialect) {
        Map<String, String> placeholders = streamsFor(dialect);
        // Topics are the operator's to create: this broker, like many, creates none on demand.
        dialect.routes.stream()
                .flatMap(route -> route.topics().stream())
                .forEach(topic -> connect.embedded().kafka().createTopic(topic, 1));
        Path spec = SpecFixtures.materialize(dialect.fixture, placeholders, tmp);
        ConnectorConfig translated = translateOne(dialect.fixture, placeholders);
        assertThat(translated.name()).isEqualTo(dialect.connector);

        JsonNode verdict =
                connect.validate(SourceKeys.CONNECTOR_CLASS_NAME, translated.config())
                        .requireSuccess("validate")
                        .json();
        assertThat(verdict.path("error_count").asInt()).as(verdict.toString()).isZero();

        CliRun run = submit(spec);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains(dialect.connector + ": created", "1 of 1 connector(s) OK");
        assertThat(run.all()).doesNotContain(dialect.secret());

        assertThat(storedConfig(dialect.connector)).isEqualTo(translated.config());
        connect.awaitRunning(dialect.connector, dialect.tasks, TIMEOUT);

        for (Route route : dialect.routes) {
            String stream = placeholders.get(route.placeholder());
            String payload = dialect.name() + "/" + stream;
            new StreamWriter(KINESIS.client())
                    .putAll(
                            stream,
                            List.of(
                                    new StreamWriter.Entry(
                                            "key", payload.getBytes(StandardCharsets.UTF_8))));
            for (String topic : route.topics()) {
                assertThat(recordsIn(topic))
                        .as("records of %s in %s", stream, topic)
                        .containsExactly(payload + " as " + route.valueType());
            }
        }
    }

    @Test
    void aStockWorkerGetsTheRawBytesAndKeysOfAggregatedRecords() throws Exception {
        Dialect dialect = Dialect.STATEFUN_3_0;
        Map<String, String> placeholders = streamsFor(dialect);
        String stream = placeholders.get("ORDERS_STREAM");
        // Its own topics, so that this test's records cannot mix with another's.
        String topic = "raw.shop30.fn.orders";
        connect.embedded().kafka().createTopic(topic, 1);
        connect.embedded().kafka().createTopic("raw.shop30.fn.audit", 1);
        connect.embedded().kafka().createTopic("raw.shop30.fn.payments", 1);
        Path spec = SpecFixtures.materialize(dialect.fixture, placeholders, tmp);

        CliRun run = submit(spec, "--topic-template", "raw.$" + "{namespace}.$" + "{name}");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        connect.awaitRunning(dialect.connector, dialect.tasks, TIMEOUT);

        // Binary payloads, which a JSON envelope or a string round trip would change.
        Map<String, byte[]> written = new TreeMap<>();
        List<StreamWriter.Entry> entries = new ArrayList<>();
        Random random = new Random(30);
        for (int i = 0; i < AGGREGATED_RECORDS; i++) {
            byte[] data = new byte[16 + i % 48];
            random.nextBytes(data);
            data[0] = (byte) i;
            String key = "order-" + i;
            written.put(key, data);
            entries.add(new StreamWriter.Entry(key, data));
        }
        KplTestProducer.writeAggregated(KINESIS.emulator(), stream, entries);
        StreamContents landed = KINESIS.reader().awaitAtLeast(stream, AGGREGATED_RECORDS, TIMEOUT);
        assertThat(landed.kinesisRecordCount())
                .as("Kinesis records holding the user records: aggregates, not one each")
                .isLessThan(AGGREGATED_RECORDS);

        TopicReader reader = new TopicReader(connect.bootstrapServers(), false);
        reader.awaitAtLeast(topic, AGGREGATED_RECORDS, TIMEOUT);
        Map<String, byte[]> delivered = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : reader.readToEnd(topic, TIMEOUT)) {
            delivered.put(new String(r.key(), StandardCharsets.UTF_8), r.value());
            assertThat(r.headers().lastHeader(KinesisHeaders.VALUE_TYPE).value())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("shop/Order");
        }
        assertThat(delivered).hasSameSizeAs(written);
        written.forEach(
                (key, data) ->
                        assertThat(delivered.get(key)).as("value of key %s", key).isEqualTo(data));
    }

    @Test
    void resubmittingAnUnchangedSpecChangesNothing() throws Exception {
        Dialect dialect = Dialect.STATEFUN_3_1;
        Path spec = SpecFixtures.materialize(dialect.fixture, streamsFor(dialect), tmp);

        assertResubmittingChangesNothing(spec, dialect.connector, dialect.tasks, dialect.secret());
    }

    @Test
    void submittedEgressRunsAsTranslatedAndItsRecordsLandInTheKinesisStream() {
        Map<String, String> placeholders = egressPlaceholders();
        String topic = placeholders.get("EGRESS_TOPIC");
        String stream = placeholders.get("EGRESS_STREAM");
        Path spec = SpecFixtures.materialize(EGRESS_FIXTURE, placeholders, tmp);
        ConnectorConfig translated = translateOne(EGRESS_FIXTURE, placeholders);
        assertThat(translated.name()).isEqualTo(EGRESS_CONNECTOR);
        assertThat(translated.config())
                .containsEntry(SinkKeys.TOPICS, topic)
                .containsEntry(AwsKeys.ENDPOINT, tlsEndpoint())
                // The egress's VerifyCertificate client property, as the shared TLS setting.
                .containsEntry(AwsKeys.TLS_VERIFY_CERTIFICATES, "false")
                .doesNotContainKey(SinkKeys.KPL_PREFIX + "VerifyCertificate");

        JsonNode verdict =
                connect.validate(SinkKeys.CONNECTOR_CLASS_NAME, translated.config())
                        .requireSuccess("validate")
                        .json();
        assertThat(verdict.path("error_count").asInt()).as(verdict.toString()).isZero();

        CliRun run = submit(spec);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains(EGRESS_CONNECTOR + ": created", "1 of 1 connector(s) OK");
        assertThat(run.all()).doesNotContain(EGRESS_SECRET);

        assertThat(storedConfig(EGRESS_CONNECTOR)).isEqualTo(translated.config());
        connect.awaitRunning(EGRESS_CONNECTOR, 1, TIMEOUT);

        String payload = "receipt for " + stream;
        connect.embedded().kafka().produce(topic, "order-1", payload);
        StreamContents landed = KINESIS.reader().awaitAtLeast(stream, 1, TIMEOUT);
        assertThat(landed.records())
                .extracting(LandedRecord::partitionKey, LandedRecord::dataAsString)
                .containsExactly(tuple("order-1", payload));
    }

    @Test
    void resubmittingAnUnchangedEgressSpecChangesNothing() throws Exception {
        Path spec = SpecFixtures.materialize(EGRESS_FIXTURE, egressPlaceholders(), tmp);

        assertResubmittingChangesNothing(spec, EGRESS_CONNECTOR, 1, EGRESS_SECRET);
    }

    /** Submits {@code spec} until its connector runs, then again, which must change nothing. */
    private void assertResubmittingChangesNothing(
            Path spec, String connector, int taskCount, String secret) throws Exception {
        CliRun first = submit(spec);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        connect.awaitRunning(connector, taskCount, TIMEOUT);
        Map<String, String> config = storedConfig(connector);
        JsonNode tasks = tasks(connector);
        JsonNode status = connect.status(connector).json();
        long configLogEnd = configTopicEnd();

        CliRun second = submit(spec);

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out())
                .contains(connector + ": unchanged", "1 of 1 connector(s) OK")
                .doesNotContain("created", "updated");
        assertThat(second.all()).doesNotContain(secret);
        // A PUT, even of the same config, would have written to the config log and restarted
        // the connector and its tasks before the CLI returned.
        assertThat(configTopicEnd()).as("end of the config log").isEqualTo(configLogEnd);
        assertThat(storedConfig(connector)).isEqualTo(config);
        assertThat(tasks(connector)).isEqualTo(tasks);
        assertThat(connect.status(connector).json()).isEqualTo(status);
    }

    @Test
    void secretsInAWorkerFileStayOutOfTheConfigAndResubmittingChangesNothing() throws IOException {
        Dialect dialect = Dialect.STATEFUN_3_0;
        Path spec = SpecFixtures.materialize(dialect.fixture, streamsFor(dialect), tmp);
        Path secrets = tmp.resolve("worker-secrets.properties");
        Path out = tmp.resolve("translated");
        // What an operator does: translate, put the secrets file on the workers, then submit.
        CliRun translate =
                CliRun.of(
                        "translate",
                        spec.toString(),
                        "--secrets-file",
                        secrets.toString(),
                        "--out",
                        out.toString());
        assertThat(translate.exitCode()).as(translate.toString()).isZero();
        Files.copy(out.resolve("secrets.properties"), secrets);

        CliRun first = submit(spec, "--secrets-file", secrets.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains(dialect.connector + ": created");
        Map<String, String> stored = storedConfig(dialect.connector);
        assertThat(stored)
                .containsEntry(
                        AwsKeys.SECRET_ACCESS_KEY,
                        "${file:"
                                + secrets
                                + ":"
                                + dialect.connector
                                + "."
                                + AwsKeys.SECRET_ACCESS_KEY
                                + "}");
        assertThat(stored.values()).noneMatch(v -> v.contains(dialect.secret()));
        connect.awaitRunning(dialect.connector, dialect.tasks, TIMEOUT);

        CliRun second = submit(spec, "--secrets-file", secrets.toString());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains(dialect.connector + ": unchanged");
        assertThat(storedConfig(dialect.connector)).isEqualTo(stored);
        assertThat(translate.all() + first.all() + second.all()).doesNotContain(dialect.secret());
    }

    @Test
    void workerFieldErrorsAreReportedPerConnectorAndFailTheRun() {
        String existing = KINESIS.streams().create("existing", 1);
        String missing = KinesisStreams.uniqueName("missing");
        Map<String, String> placeholders =
                Map.of(
                        "KINESIS_ENDPOINT", endpoint(),
                        "EXISTING_STREAM", existing,
                        "MISSING_STREAM", missing);
        Path spec = SpecFixtures.materialize("submit/statefun-31-invalid.yaml", placeholders, tmp);

        CliRun run = submit(spec);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "statefun-shop31bad-missing-source: rejected by the worker's validation",
                        "  kinesis.streams: Stream(s) ["
                                + missing
                                + "] do not exist at "
                                + endpoint(),
                        "statefun-shop31bad-tuned-source: rejected by the worker's validation",
                        "  kinesis.get.records.max: Invalid value 20000");
        assertThat(run.out())
                .contains("statefun-shop31bad-fine-source: created", "1 of 3 connector(s) OK");
        assertThat(run.all()).doesNotContain("it-secret-bad-do-not-print", "Exception");
        assertThat(connectorNames()).containsExactly("statefun-shop31bad-fine-source");
    }

    @Test
    void specErrorsStopTheRunBeforeTheWorkerIsAsked() {
        String existing = KINESIS.streams().create("dated", 1);
        Path spec =
                SpecFixtures.materialize(
                        "submit/statefun-31-bad-date.yaml",
                        Map.of("KINESIS_ENDPOINT", endpoint(), "EXISTING_STREAM", existing),
                        tmp);

        CliRun run = submit(spec);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        spec
                                + ":10: error: spec.startupPosition.date: '01/02/2020 04:15' is not"
                                + " a date; accepted forms:",
                        "nothing submitted");
        assertThat(run.out()).isEmpty();
        assertThat(connectorNames()).isEmpty();
    }

    private static CliRun submit(Path spec, String... options) {
        List<String> args =
                new ArrayList<>(List.of("submit", spec.toString(), "--connect-url", connectUrl()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Creates the fixture's streams in the emulator; returns the placeholder values. */
    private static Map<String, String> streamsFor(Dialect dialect) {
        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("KINESIS_ENDPOINT", endpoint());
        for (Route route : dialect.routes) {
            placeholders.put(
                    route.placeholder(),
                    KINESIS.streams().create(dialect.name() + "-" + route.placeholder(), SHARDS));
        }
        return placeholders;
    }

    /**
     * The emulator's TLS endpoint, a fresh topic with a fresh stream for the egress fixture, and
     * the KPL's unpack folder; the topic is created, as an operator would.
     */
    private static Map<String, String> egressPlaceholders() {
        String topic = KinesisStreams.uniqueName("receipts");
        connect.embedded().kafka().createTopic(topic, 1);
        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("KINESIS_TLS_ENDPOINT", tlsEndpoint());
        placeholders.put("EGRESS_TOPIC", topic);
        placeholders.put("EGRESS_STREAM", KINESIS.streams().create("receipts", 1));
        placeholders.put(
                "KPL_TEMP_DIR",
                Path.of(System.getProperty("kc.build.dir", "target"), "kpl")
                        .toAbsolutePath()
                        .toString());
        return placeholders;
    }

    /** What {@code submit} sends: the translation without {@code --topics}. */
    private static ConnectorConfig translateOne(String fixture, Map<String, String> placeholders) {
        SpecFixtures.Translated t = SpecFixtures.translateWithSpecTopics(fixture, placeholders);
        assertThat(t.translation().hasErrors()).as(t.translation().toString()).isFalse();
        assertThat(t.translation().configs()).hasSize(1);
        return t.translation().configs().get(0);
    }

    private static String endpoint() {
        return KINESIS.emulator().endpoint().toString();
    }

    /** The emulator's https endpoint, the only kind the sink's KPL speaks. */
    private static String tlsEndpoint() {
        return KINESIS.emulator().tlsEndpoint().toString();
    }

    private static String connectUrl() {
        String connectors = connect.embedded().endpointForResource("connectors");
        return connectors.substring(0, connectors.length() - "connectors".length());
    }

    private static List<String> connectorNames() {
        List<String> names = new ArrayList<>();
        connect.request("GET", "connectors", null)
                .requireSuccess("list connectors")
                .json()
                .forEach(n -> names.add(n.asText()));
        return names;
    }

    private static Map<String, String> storedConfig(String name) {
        RestResponse r =
                connect.request("GET", "connectors/" + name + "/config", null)
                        .requireSuccess("config of " + name);
        Map<String, String> config = new TreeMap<>();
        r.json().properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
        return config;
    }

    private static JsonNode tasks(String name) {
        return connect.request("GET", "connectors/" + name + "/tasks", null)
                .requireSuccess("tasks of " + name)
                .json();
    }

    /** The end offset of the workers' config log, which every connector change appends to. */
    private static long configTopicEnd() throws InterruptedException, ExecutionException {
        TopicPartition partition = new TopicPartition(CONFIG_TOPIC, 0);
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                connect.bootstrapServers()))) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .partitionResult(partition)
                    .get()
                    .offset();
        }
    }

    /** Every record in the topic once at least one arrived, as "value as value-type-header". */
    private static List<String> recordsIn(String topic) {
        TopicReader reader = new TopicReader(connect.bootstrapServers(), false);
        reader.awaitAtLeast(topic, 1, TIMEOUT);
        List<String> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : reader.readToEnd(topic, TIMEOUT)) {
            Header type = r.headers().lastHeader(KinesisHeaders.VALUE_TYPE);
            records.add(
                    new String(r.value(), StandardCharsets.UTF_8)
                            + " as "
                            + (type == null
                                    ? null
                                    : new String(type.value(), StandardCharsets.UTF_8)));
        }
        return records;
    }
}
