package io.kinesisconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.keys.SinkKeys;
import io.kinesisconnect.common.spec.Diagnostic;
import io.kinesisconnect.common.spec.EgressSpec;
import io.kinesisconnect.common.spec.ModuleSpecParser;
import io.kinesisconnect.common.spec.Severity;
import io.kinesisconnect.common.translate.ConnectorConfig;
import io.kinesisconnect.sink.KinesisSinkConnector;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every egress example of the reference document and of each StateFun dialect, translated with the
 * topics it reads, passes the sink connector's own {@code validate()}: the translator writes only
 * keys and values the sink accepts.
 *
 * <p>The examples name real AWS regions, the default credential chain, or the document's custom
 * endpoint https://localhost:4567; there is no AWS here and nothing listens there, so the sink's
 * stream-existence check cannot reach Kinesis and must let the config pass, quickly.
 */
class TranslatedEgressValidationIT {

    /** Beyond the sink's own 5 s call timeout for the stream check, plus slack for CI. */
    private static final Duration VALIDATE_DEADLINE = Duration.ofSeconds(30);

    /** Examples the parser accepts, each with at least one egress. */
    private static final List<String> ACCEPTED_EGRESS =
            List.of(
                    "specs/dialects/v1-module.yaml",
                    "specs/dialects/v2-module.yaml",
                    "specs/dialects/v30-module.yaml",
                    "specs/dialects/v31-module.yaml",
                    "specs/doc/doc-egress.yaml");

    /** Of those, the examples that name their topics in {@code x-kafka-connect.topics}. */
    private static final List<String> TOPICS_IN_SPEC =
            List.of(
                    "specs/dialects/v1-module.yaml",
                    "specs/dialects/v2-module.yaml",
                    "specs/dialects/v31-module.yaml");

    /** The profile file the StateFun 2.x examples name, which is not on this machine. */
    private static final String DOCUMENT_PROFILE_PATH = "/path/to/profile/config";

    @TempDir static Path tmp;

    private static Path profileFile;

    @BeforeAll
    static void writeProfileFile() throws IOException {
        profileFile = tmp.resolve("credentials");
        Files.writeString(
                profileFile,
                "[john-doe]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = example\n");
    }

    static Stream<String> acceptedEgressExamples() {
        return ACCEPTED_EGRESS.stream();
    }

    static Stream<String> examplesWithTopicsInTheSpec() {
        return TOPICS_IN_SPEC.stream();
    }

    @Test
    void everyExampleWithAnEgressIsValidatedHere() {
        List<String> all = new ArrayList<>();
        all.addAll(SpecFixtures.list("specs/dialects"));
        all.addAll(SpecFixtures.list("specs/doc"));
        all.addAll(SpecFixtures.list("specs/doc-corrected"));

        List<String> withEgress =
                all.stream().filter(TranslatedEgressValidationIT::hasEgress).toList();
        assertThat(withEgress).containsExactlyInAnyOrderElementsOf(ACCEPTED_EGRESS);
        assertThat(ACCEPTED_EGRESS).containsAll(TOPICS_IN_SPEC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedEgressExamples")
    void translatedEgressWithTopicsOptionPassesTheSinkConnectorsValidate(String fixture) {
        List<ConnectorConfig> sinks = sinkConfigs(SpecFixtures.translate(fixture, Map.of()));
        assertThat(sinks).as("sink configs").isNotEmpty();

        for (ConnectorConfig sink : sinks) {
            assertThat(sink.config()).containsEntry(SinkKeys.TOPICS, SpecFixtures.EGRESS_TOPIC);
            assertThat(fieldErrors(validate(onWorker(sink))))
                    .as("field errors of %s", sink)
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesWithTopicsInTheSpec")
    void translatedEgressWithTopicsFromTheSpecPassesTheSinkConnectorsValidate(String fixture) {
        List<ConnectorConfig> sinks =
                sinkConfigs(SpecFixtures.translateWithSpecTopics(fixture, Map.of()));
        assertThat(sinks).as("sink configs").isNotEmpty();

        for (ConnectorConfig sink : sinks) {
            assertThat(sink.config().get(SinkKeys.TOPICS))
                    .isNotBlank()
                    .isNotEqualTo(SpecFixtures.EGRESS_TOPIC);
            assertThat(fieldErrors(validate(onWorker(sink))))
                    .as("field errors of %s", sink)
                    .isEmpty();
        }
    }

    /**
     * The StateFun 2.x examples' egress names a profile file that is not on this machine. The sink
     * must answer with a field error on that key, never throw: through the worker's REST API a
     * throw is an HTTP 500 with no field errors for the user to act on.
     */
    @Test
    void missingProfileFileOfAnEgressIsAFieldErrorNotAnException() {
        ConnectorConfig sink =
                sinkConfigs(SpecFixtures.translate("specs/dialects/v2-module.yaml", Map.of()))
                        .get(0);
        assertThat(sink.config()).containsEntry(AwsKeys.PROFILE_PATH, DOCUMENT_PROFILE_PATH);

        Config result = assertDoesNotThrow(() -> validate(sink.config()));
        assertThat(fieldErrors(result))
                .hasEntrySatisfying(
                        AwsKeys.PROFILE_PATH,
                        messages ->
                                assertThat(messages)
                                        .containsExactly(
                                                "Profile file '"
                                                        + DOCUMENT_PROFILE_PATH
                                                        + "' does not exist on this worker; every"
                                                        + " worker needs it at that path"));
    }

    /**
     * With the target stream named, as {@code x-kafka-connect.config} can, the sink goes on to ask
     * Kinesis whether the stream exists. Here that is a real region without credentials, or the
     * document's endpoint where nothing listens: the check must be left out, quickly, not fail.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedEgressExamples")
    void translatedEgressWithANamedStreamPassesValidateWithoutReachingKinesis(String fixture) {
        for (ConnectorConfig sink : sinkConfigs(SpecFixtures.translate(fixture, Map.of()))) {
            Map<String, String> config = onWorker(sink);
            config.put(KinesisSinkConfig.STREAM_CONFIG, "egress-stream");

            assertThat(fieldErrors(validate(config))).as("field errors of %s", sink).isEmpty();
        }
    }

    private static boolean hasEgress(String fixture) {
        String text =
                SpecFixtures.substitute(fixture, Map.of("PROFILE_PATH", profileFile.toString()));
        return new ModuleSpecParser(false)
                .parse(fixture, text).components().stream().anyMatch(c -> c instanceof EgressSpec);
    }

    private static List<ConnectorConfig> sinkConfigs(SpecFixtures.Translated t) {
        assertThat(errors(t.parsed().diagnostics())).as("parse errors").isEmpty();
        assertThat(errors(t.translation().diagnostics())).as("translation errors").isEmpty();
        return t.translation().configs().stream()
                .filter(c -> SinkKeys.CONNECTOR_CLASS_NAME.equals(c.connectorClass()))
                .toList();
    }

    /**
     * The config as it meets a worker that has the profile file the spec names: the documents'
     * {@value #DOCUMENT_PROFILE_PATH} stands for a file every worker would have.
     */
    private static Map<String, String> onWorker(ConnectorConfig sink) {
        Map<String, String> config = new TreeMap<>(sink.config());
        config.computeIfPresent(AwsKeys.PROFILE_PATH, (k, v) -> profileFile.toString());
        return config;
    }

    private static Config validate(Map<String, String> config) {
        return assertTimeoutPreemptively(
                VALIDATE_DEADLINE,
                () -> new KinesisSinkConnector().validate(config),
                () -> "validate() of " + config.get("name") + " did not return in time");
    }

    private static List<Diagnostic> errors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    private static Map<String, List<String>> fieldErrors(Config result) {
        return result.configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }
}
