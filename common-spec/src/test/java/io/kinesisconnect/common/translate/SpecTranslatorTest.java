package io.kinesisconnect.common.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.keys.SinkKeys;
import io.kinesisconnect.common.keys.SourceKeys;
import io.kinesisconnect.common.spec.Diagnostic;
import io.kinesisconnect.common.spec.Fixtures;
import io.kinesisconnect.common.spec.ModuleSpecParser;
import io.kinesisconnect.common.spec.ParseResult;
import io.kinesisconnect.common.spec.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecTranslatorTest {
    private static TranslationResult translate(String fixture, TranslationOptions options) {
        ParseResult r = Fixtures.parse(fixture);
        assertThat(r.hasErrors()).isFalse();
        return new SpecTranslator(options).translate(r.components());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dialects/v1-module.yaml",
                "dialects/v2-module.yaml",
                "dialects/v30-module.yaml",
                "dialects/v31-module.yaml"
            })
    void everyConfigWritesRawBytesWhateverTheWorkerDefaultsAre(String dialect) {
        List<ConnectorConfig> configs = translate(dialect, TranslationOptions.defaults()).configs();
        assertThat(configs)
                .extracting(c -> c.config().get("connector.class"))
                .contains(SourceKeys.CONNECTOR_CLASS_NAME, SinkKeys.CONNECTOR_CLASS_NAME);
        for (ConnectorConfig c : configs) {
            assertThat(c.config())
                    .as("%s in %s", c.name(), dialect)
                    .containsEntry(
                            "key.converter", "org.apache.kafka.connect.storage.StringConverter")
                    .containsEntry(
                            "value.converter",
                            "org.apache.kafka.connect.converters.ByteArrayConverter");
        }
    }

    @Test
    void theSpecCanStillChooseItsOwnConverters() {
        String spec =
                Fixtures.read("dialects/v31-module.yaml")
                        .replace(
                                "  x-kafka-connect:\n",
                                "  x-kafka-connect:\n    config:\n      value.converter:"
                                        + " org.apache.kafka.connect.json.JsonConverter\n");
        ParseResult parsed = new ModuleSpecParser(false).parse("module.yaml", spec);
        assertThat(parsed.hasErrors()).isFalse();
        TranslationResult t =
                new SpecTranslator(TranslationOptions.defaults()).translate(parsed.components());
        ConnectorConfig sink =
                t.configs().stream()
                        .filter(
                                c ->
                                        c.config()
                                                .get("connector.class")
                                                .equals(SinkKeys.CONNECTOR_CLASS_NAME))
                        .findFirst()
                        .orElseThrow();
        assertThat(sink.config())
                .containsEntry("value.converter", "org.apache.kafka.connect.json.JsonConverter")
                .containsEntry("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        assertThat(t.diagnostics())
                .extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("overrides the translated 'value.converter'"));
    }

    @Test
    void ingressBecomesASourceConfigWithFanOutTopics() {
        TranslationResult t = translate("dialects/v1-module.yaml", TranslationOptions.defaults());
        ConnectorConfig source = t.configs().get(0);
        assertThat(source.name()).isEqualTo("statefun-example-namespace-messages-source");
        assertThat(source.config())
                .containsEntry("connector.class", SourceKeys.CONNECTOR_CLASS_NAME)
                .containsEntry(SourceKeys.STREAMS, "stream-1,stream-2")
                .containsEntry(
                        SourceKeys.streamTopics("stream-1"),
                        "example-namespace.my-function-1,example-namespace.my-function-2")
                .containsEntry(
                        SourceKeys.streamTopics("stream-2"), "example-namespace.my-function-1")
                .containsEntry(
                        SourceKeys.streamValueType("stream-1"),
                        "com.googleapis/org.apache.flink.statefun.docs.models.User")
                .containsEntry(SourceKeys.STARTUP_POSITION, "earliest")
                .containsEntry(AwsKeys.REGION, "us-west-1")
                .containsEntry(AwsKeys.CREDENTIALS_PROVIDER, "basic")
                .containsEntry(AwsKeys.SECRET_ACCESS_KEY, "my_secret_access_key")
                .containsEntry(AwsKeys.CLIENT_SOCKET_TIMEOUT_MS, "9999")
                .containsEntry(AwsKeys.CLIENT_MAX_CONNECTIONS, "15");
    }

    @Test
    void egressBecomesASinkConfigWithKplKeys() {
        ConnectorConfig sink =
                translate("dialects/v1-module.yaml", TranslationOptions.defaults())
                        .configs()
                        .get(1);
        assertThat(sink.name()).isEqualTo("statefun-example-namespace-my-egress-sink");
        assertThat(sink.config())
                .containsEntry("connector.class", SinkKeys.CONNECTOR_CLASS_NAME)
                .containsEntry(SinkKeys.TOPICS, "greetings")
                .containsEntry(SinkKeys.STREAM_ROUTING, "header")
                .containsEntry(SinkKeys.MAX_OUTSTANDING_RECORDS, "9999")
                .containsEntry("kpl.ThreadingModel", "POOLED")
                .containsEntry("kpl.ThreadPoolSize", "10")
                .containsEntry(AwsKeys.ENDPOINT, "https://localhost:4567")
                .containsEntry(AwsKeys.PROFILE_NAME, "john-doe")
                .containsEntry(AwsKeys.PROFILE_PATH, "/path/to/profile/config");
    }

    @Test
    void dateAndNonProxyHostsAreNormalised() {
        TranslationOptions options =
                new TranslationOptions(
                        Optional.empty(),
                        Map.of("com.example/out", List.of("t")),
                        new SecretHandling.Inline());
        ConnectorConfig source = translate("dialects/v30-module.yaml", options).configs().get(0);
        assertThat(source.config())
                .containsEntry(SourceKeys.STARTUP_POSITION, "date")
                .containsEntry(SourceKeys.STARTUP_DATE, "2020-02-01T04:15:00Z")
                .containsEntry(AwsKeys.CLIENT_PROXY_NON_PROXY_HOSTS, "localhost,127.0.0.1");
    }

    @Test
    void anEgressVerifyCertificatePropertyBecomesTheSharedTlsSetting() {
        String yaml =
                """
                kind: io.statefun.kinesis.v1/egress
                spec:
                  id: com.example/out
                  awsRegion:
                    type: custom-endpoint
                    endpoint: https://127.0.0.1:4567
                    id: us-east-1
                  clientConfigProperties:
                    - VerifyCertificate: false
                    - RecordDistributionStrategyDefault: USER_PARTITION_KEY
                """;
        ParseResult parsed = new ModuleSpecParser(false).parse("inline.yaml", yaml);
        TranslationOptions options =
                new TranslationOptions(
                        Optional.empty(),
                        Map.of("com.example/out", List.of("t")),
                        new SecretHandling.Inline());

        ConnectorConfig sink =
                new SpecTranslator(options).translate(parsed.components()).configs().get(0);

        assertThat(sink.config())
                .containsEntry(AwsKeys.TLS_VERIFY_CERTIFICATES, "false")
                .containsEntry("kpl.RecordDistributionStrategyDefault", "USER_PARTITION_KEY")
                .doesNotContainKey("kpl.VerifyCertificate");
    }

    @Test
    void egressWithoutTopicsSaysHowToSupplyThem() {
        TranslationResult t = translate("doc/doc-egress.yaml", TranslationOptions.defaults());
        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.severity()).isEqualTo(Severity.ERROR);
                            assertThat(d.path()).isEqualTo("module.spec.egresses[0].egress.spec");
                            assertThat(d.line()).isEqualTo(13);
                            assertThat(d.message())
                                    .contains("--topics com.example/out=topic1,topic2")
                                    .contains("x-kafka-connect: {topics:");
                        });
    }

    @Test
    void cliTopicsWinOverTheSpecAndUnknownIdsAreErrors() {
        TranslationOptions options =
                new TranslationOptions(
                        Optional.empty(),
                        Map.of(
                                "example-namespace/my-egress",
                                List.of("a", "b"),
                                "no/such",
                                List.of("c")),
                        new SecretHandling.Inline());
        TranslationResult t = translate("dialects/v1-module.yaml", options);
        assertThat(t.configs().get(1).config()).containsEntry(SinkKeys.TOPICS, "a,b");
        assertThat(t.diagnostics())
                .extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("no egress with id 'no/such'"));
    }

    @Test
    void topicTemplateCanUseStreamAndRejectsUnknownPlaceholders() {
        TranslationOptions options =
                new TranslationOptions(
                        Optional.of("${stream}-${name}"), Map.of(), new SecretHandling.Inline());
        ConnectorConfig source = translate("dialects/v31-module.yaml", options).configs().get(0);
        assertThat(source.config())
                .containsEntry(SourceKeys.streamTopics("user-stream"), "user-stream-greeter");
        TranslationOptions bad =
                new TranslationOptions(
                        Optional.of("${oops}"), Map.of(), new SecretHandling.Inline());
        assertThat(translate("dialects/v31-module.yaml", bad).diagnostics())
                .extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("unknown placeholder ${oops}"));
    }

    @Test
    void secretsCanBecomeConfigProviderReferences() {
        TranslationOptions options =
                new TranslationOptions(
                        Optional.empty(),
                        Map.of(),
                        new SecretHandling.FileReference("/etc/kc/secrets.properties"));
        TranslationResult t = translate("dialects/v31-module.yaml", options);
        String name = "statefun-com-example-users-source";
        assertThat(t.configs().get(0).config())
                .containsEntry(
                        AwsKeys.SECRET_ACCESS_KEY,
                        "${file:/etc/kc/secrets.properties:" + name + ".aws.secret.access.key}")
                .containsEntry(
                        AwsKeys.ACCESS_KEY_ID,
                        "${file:/etc/kc/secrets.properties:" + name + ".aws.access.key.id}");
        assertThat(t.secrets()).containsEntry(name + ".aws.secret.access.key", "s3cr3t-Value");
        assertThat(t.configs().toString() + t).doesNotContain("s3cr3t-Value");
    }

    @Test
    void secretsAreMaskedInEveryPrintedForm() {
        ConnectorConfig c =
                translate("dialects/v31-module.yaml", TranslationOptions.defaults())
                        .configs()
                        .get(0);
        assertThat(c.config()).containsEntry(AwsKeys.SECRET_ACCESS_KEY, "s3cr3t-Value");
        assertThat(c.toString()).doesNotContain("s3cr3t-Value").doesNotContain("AKIAEXAMPLE");
        assertThat(c.masked().toJson()).doesNotContain("s3cr3t-Value").contains("********");
        assertThat(SecretMasker.mask("kpl.ProxyPassword", "pw")).isEqualTo("********");
        assertThat(SecretMasker.mask(AwsKeys.REGION, "eu-west-1")).isEqualTo("eu-west-1");
    }

    @Test
    void clientPropertyProblemsNameWhatIsAccepted() {
        TranslationResult t =
                new SpecTranslator(TranslationOptions.defaults())
                        .translate(
                                Fixtures.parse("errors/bad-client-properties.yaml").components());
        assertThat(t.diagnostics())
                .extracting(Diagnostic::format)
                .anyMatch(
                        m ->
                                m.contains(
                                                ":9: error: spec.clientConfigProperties[0].SocketTimeOut: unknown client property")
                                        && m.contains("Did you mean 'SocketTimeout'?"))
                .anyMatch(
                        m ->
                                m.contains(":10: error:")
                                        && m.contains("'MaxConnections' must be between 1 and"))
                .anyMatch(m -> m.contains(":11: warning:") && m.contains("UseReaper"))
                .anyMatch(
                        m -> m.contains(":17: error:") && m.contains("one of PER_REQUEST, POOLED"))
                .anyMatch(
                        m ->
                                m.contains(":18: error:")
                                        && m.contains("Did you mean 'AggregationMaxCount'?"));
    }

    @Test
    void outputIsDeterministicAndSorted() {
        TranslationResult a = translate("dialects/v31-module.yaml", TranslationOptions.defaults());
        TranslationResult b = translate("dialects/v31-module.yaml", TranslationOptions.defaults());
        assertThat(a.configs()).isEqualTo(b.configs());
        assertThat(a.configs().get(0).toJson()).isEqualTo(b.configs().get(0).toJson());
        assertThat(List.copyOf(a.configs().get(0).config().keySet())).isSorted();
        assertThat(a.configs().get(1).toProperties()).contains("topics=greetings,farewells\n");
    }

    @Test
    void sameIdInTwoFilesGetsUniqueNames() {
        ParseResult r =
                new ModuleSpecParser(false)
                        .parse(
                                "f",
                                Fixtures.read("dialects/v31-module.yaml")
                                        + "\n---\n"
                                        + Fixtures.read("dialects/v31-module.yaml"));
        TranslationResult t =
                new SpecTranslator(TranslationOptions.defaults()).translate(r.components());
        assertThat(t.configs())
                .extracting(ConnectorConfig::name)
                .containsExactly(
                        "statefun-com-example-users-source",
                        "statefun-com-example-out-sink",
                        "statefun-com-example-users-source-2",
                        "statefun-com-example-out-sink-2");
    }

    @Test
    void anOverrideOfTheHeadersKeepsTheValueTypeStateFunNeeds() {
        TranslationResult narrowed = translateWithHeaders("stream, shard");
        assertThat(narrowed.configs().get(0).config())
                .containsEntry(SourceKeys.HEADERS, "stream, shard,value-type");
        assertThat(narrowed.diagnostics())
                .filteredOn(d -> d.severity() == Severity.WARNING)
                .extracting(Diagnostic::message)
                .anyMatch(
                        m ->
                                m.contains("kinesis.headers='stream, shard' without 'value-type'")
                                        && m.contains("statefun.value.type header"));
    }

    @Test
    void headersThatKeepTheValueTypeAreLeftAsWritten() {
        TranslationResult kept = translateWithHeaders("arrival,Value-Type");
        assertThat(kept.configs().get(0).config())
                .containsEntry(SourceKeys.HEADERS, "arrival,Value-Type");
        assertThat(kept.diagnostics())
                .extracting(Diagnostic::message)
                .noneMatch(m -> m.contains("value-type"));
        // Without an override the connector's default (every header) applies.
        assertThat(
                        translate("dialects/v31-module.yaml", TranslationOptions.defaults())
                                .configs()
                                .get(0)
                                .config())
                .doesNotContainKey(SourceKeys.HEADERS);
    }

    private static TranslationResult translateWithHeaders(String headers) {
        String spec =
                Fixtures.read("dialects/v31-module.yaml")
                        .replace(
                                "  startupPosition:\n",
                                "  x-kafka-connect:\n    config:\n      kinesis.headers: "
                                        + headers
                                        + "\n  startupPosition:\n");
        ParseResult r = new ModuleSpecParser(false).parse("headers.yaml", spec);
        assertThat(r.hasErrors()).as(r.diagnostics().toString()).isFalse();
        return new SpecTranslator(TranslationOptions.defaults()).translate(r.components());
    }
}
