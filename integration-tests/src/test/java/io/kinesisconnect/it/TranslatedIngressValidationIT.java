package io.kinesisconnect.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.keys.SourceKeys;
import io.kinesisconnect.common.spec.Diagnostic;
import io.kinesisconnect.common.spec.Severity;
import io.kinesisconnect.common.translate.ConnectorConfig;
import io.kinesisconnect.source.KinesisSourceConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Every ingress example of the reference document and of each StateFun dialect, translated, passes
 * the source connector's own {@code validate()}: the translator writes only keys and values the
 * connector accepts.
 *
 * <p>Most examples name real AWS regions and the default credential chain; there is no AWS here, so
 * the connector's stream-existence check cannot reach Kinesis and must let the config pass,
 * quickly.
 */
class TranslatedIngressValidationIT {

    /** Beyond the connector's own 5 s call timeout for the stream check, plus slack for CI. */
    private static final Duration VALIDATE_DEADLINE = Duration.ofSeconds(30);

    /** Examples the parser accepts, each with at least one ingress. */
    private static final List<String> ACCEPTED_INGRESS =
            List.of(
                    "specs/dialects/v1-module.yaml",
                    "specs/dialects/v2-module.yaml",
                    "specs/dialects/v30-module.yaml",
                    "specs/dialects/v31-module.yaml",
                    "specs/doc-corrected/doc-credentials-profile.yaml",
                    "specs/doc-corrected/doc-region-custom-endpoint.yaml",
                    "specs/doc-corrected/doc-region-specific.yaml",
                    "specs/doc/doc-credentials-basic.yaml",
                    "specs/doc/doc-credentials-default.yaml",
                    "specs/doc/doc-ingress.yaml",
                    "specs/doc/doc-region-default.yaml",
                    "specs/doc/doc-startup-date.yaml",
                    "specs/doc/doc-startup-earliest.yaml",
                    "specs/doc/doc-startup-latest.yaml");

    /**
     * The reference document's own mistakes, which the parser diagnoses and never translates; their
     * corrected forms are under {@code specs/doc-corrected}.
     */
    private static final List<String> DOCUMENT_MISTAKES =
            List.of(
                    "specs/doc/doc-credentials-profile.yaml",
                    "specs/doc/doc-region-custom-endpoint.yaml",
                    "specs/doc/doc-region-specific.yaml");

    /** Examples without an ingress; {@link TranslatedEgressValidationIT} validates their egress. */
    private static final List<String> EGRESS_ONLY = List.of("specs/doc/doc-egress.yaml");

    static Stream<String> acceptedIngressExamples() {
        return ACCEPTED_INGRESS.stream();
    }

    @Test
    void everyExampleFixtureIsAccountedFor() {
        List<String> all = new ArrayList<>();
        all.addAll(SpecFixtures.list("specs/dialects"));
        all.addAll(SpecFixtures.list("specs/doc"));
        all.addAll(SpecFixtures.list("specs/doc-corrected"));

        List<String> known = new ArrayList<>(ACCEPTED_INGRESS);
        known.addAll(DOCUMENT_MISTAKES);
        known.addAll(EGRESS_ONLY);
        assertThat(known).containsExactlyInAnyOrderElementsOf(all);
    }

    @TempDir static Path tmp;

    private static Path profileFile;

    @BeforeAll
    static void writeProfileFile() throws IOException {
        profileFile = tmp.resolve("credentials");
        Files.writeString(
                profileFile,
                "[profile-name]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = example\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedIngressExamples")
    void translatedIngressPassesTheSourceConnectorsValidate(String fixture) {
        List<ConnectorConfig> sources =
                sourceConfigs(fixture, Map.of("PROFILE_PATH", profileFile.toString()));
        assertThat(sources).as("source configs").isNotEmpty();

        for (ConnectorConfig source : sources) {
            assertThat(fieldErrors(validate(source))).as("field errors of %s", source).isEmpty();
        }
    }

    /**
     * The document's profile example names a file that is not on this machine. The connector must
     * answer with field errors at most, never throw: through the worker's REST API a throw is an
     * HTTP 500 with no field errors for the user to act on.
     */
    @Test
    void missingProfileFileIsAFieldErrorNotAnException() {
        ConnectorConfig source =
                sourceConfigs(
                                "specs/doc-corrected/doc-credentials-profile.yaml",
                                Map.of("PROFILE_PATH", "/path/to/profile/config"))
                        .get(0);

        Config result = assertDoesNotThrow(() -> validate(source));
        assertThat(fieldErrors(result).keySet()).isSubsetOf(AwsKeys.PROFILE_PATH);
    }

    private static List<ConnectorConfig> sourceConfigs(
            String fixture, Map<String, String> placeholders) {
        SpecFixtures.Translated t = SpecFixtures.translate(fixture, placeholders);
        assertThat(errors(t.parsed().diagnostics())).as("parse errors").isEmpty();
        assertThat(errors(t.translation().diagnostics())).as("translation errors").isEmpty();
        return t.translation().configs().stream()
                .filter(c -> SourceKeys.CONNECTOR_CLASS_NAME.equals(c.connectorClass()))
                .toList();
    }

    private static Config validate(ConnectorConfig source) {
        return assertTimeoutPreemptively(
                VALIDATE_DEADLINE,
                () -> new KinesisSourceConnector().validate(source.config()),
                () -> "validate() of " + source.name() + " did not return in time");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentMistakes")
    void documentMistakesAreDiagnosedAndNeverTranslated(String fixture) {
        SpecFixtures.Translated t = SpecFixtures.translate(fixture, Map.of());
        // The CLI submits nothing from a file with parse errors.
        assertThat(errors(t.parsed().diagnostics())).isNotEmpty();
    }

    static Stream<String> documentMistakes() {
        return DOCUMENT_MISTAKES.stream();
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
