package io.kinesisconnect.common.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModuleSpecParserTest {

    /** The one diagnostic at {@code path}; fails if there is none or more than one. */
    private static Diagnostic at(ParseResult r, String path) {
        List<Diagnostic> found =
                r.diagnostics().stream().filter(d -> d.path().equals(path)).toList();
        assertThat(found).as("diagnostics at %s in %s", path, r.diagnostics()).hasSize(1);
        return found.get(0);
    }

    private static void assertDiagnostic(
            ParseResult r, Severity severity, String path, int line, String message) {
        Diagnostic d = at(r, path);
        assertThat(d.severity()).isEqualTo(severity);
        assertThat(d.line()).as("line of %s", d).isEqualTo(line);
        assertThat(d.message()).contains(message);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "doc/doc-ingress.yaml",
                "doc/doc-egress.yaml",
                "doc/doc-startup-latest.yaml",
                "doc/doc-startup-earliest.yaml",
                "doc/doc-startup-date.yaml",
                "doc/doc-region-default.yaml",
                "doc/doc-credentials-default.yaml",
                "doc/doc-credentials-basic.yaml"
            })
    void acceptsTheReferenceDocumentsValidExamples(String fixture) {
        ParseResult r = Fixtures.parse(fixture);
        assertThat(r.hasErrors()).as("%s", r.diagnostics()).isFalse();
        assertThat(r.components()).hasSize(1);
    }

    @Test
    void docIngressWarnsAboutComponentFieldsInClientProperties() {
        ParseResult r = Fixtures.parse("doc/doc-ingress.yaml");
        String props = "module.spec.ingresses[0].ingress.spec.clientConfigProperties[1]";
        assertDiagnostic(
                r, Severity.WARNING, props + ".type", 26, "looks like a misplaced component field");
        assertDiagnostic(r, Severity.WARNING, props + ".id", 27, "ignored");
        IngressSpec ingress = (IngressSpec) r.components().get(0);
        assertThat(ingress.id()).isEqualTo("com.example/users");
        assertThat(ingress.region()).isEqualTo(new AwsRegion.Specific("eu-west-1"));
        assertThat(ingress.streams().get(0).valueType()).contains("com.example/User");
        assertThat(ingress.clientProperties())
                .extracting(ClientProperty::key)
                .containsExactly("SocketTimeout", "MaxConnections");
    }

    @Test
    void docDateExampleParsesToTheInstantItMeans() {
        IngressSpec ingress =
                (IngressSpec) Fixtures.parse("doc/doc-startup-date.yaml").components().get(0);
        assertThat(ingress.startupPosition())
                .isEqualTo(new StartupPosition.AtDate(Instant.parse("2020-02-01T04:15:00Z")));
    }

    @Test
    void docEgressKeepsMaxOutstandingRecordsAndKplProperties() {
        EgressSpec egress = (EgressSpec) Fixtures.parse("doc/doc-egress.yaml").components().get(0);
        assertThat(egress.maxOutstandingRecords()).isEqualTo(9999);
        assertThat(egress.clientProperties())
                .extracting(ClientProperty::key)
                .containsExactly("ThreadingModel", "ThreadPoolSize");
    }

    @ParameterizedTest
    @ValueSource(strings = {"doc/doc-region-specific.yaml", "doc/doc-region-custom-endpoint.yaml"})
    void regionTypeUnderAwsCredentialsSuggestsAwsRegion(String fixture) {
        ParseResult r = Fixtures.parse(fixture);
        String type = fixture.contains("specific") ? "specific" : "custom-endpoint";
        assertDiagnostic(
                r,
                Severity.ERROR,
                "module.spec.ingresses[0].ingress.spec.awsCredentials.type",
                20,
                "'" + type + "' is a region type; did you mean awsRegion?");
        assertThat(r.components()).isEmpty();
    }

    @Test
    void basicCredentialsWithProfileKeysSuggestProfile() {
        ParseResult r = Fixtures.parse("doc/doc-credentials-profile.yaml");
        assertDiagnostic(
                r,
                Severity.ERROR,
                "module.spec.ingresses[0].ingress.spec.awsCredentials.type",
                20,
                "did you mean type: profile?");
        assertThat(r.diagnostics()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dialects/v1-module.yaml", "dialects/v2-module.yaml"})
    void readsStateFun2Modules(String fixture) {
        ParseResult r = Fixtures.parse(fixture);
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.components()).hasSize(2);
        IngressSpec ingress = (IngressSpec) r.components().get(0);
        assertThat(ingress.id()).isEqualTo("example-namespace/messages");
        assertThat(ingress.credentials()).isInstanceOf(AwsCredentials.Basic.class);
        assertThat(ingress.startupPosition()).isEqualTo(new StartupPosition.Earliest());
        assertThat(ingress.streams())
                .extracting(StreamSpec::stream)
                .containsExactly("stream-1", "stream-2");
        assertThat(ingress.streams().get(0).targets())
                .extracting(Object::toString)
                .containsExactly(
                        "example-namespace/my-function-1", "example-namespace/my-function-2");
        EgressSpec egress = (EgressSpec) r.components().get(1);
        assertThat(egress.region())
                .isEqualTo(new AwsRegion.CustomEndpoint("https://localhost:4567", "us-west-1"));
        assertThat(egress.credentials())
                .isEqualTo(
                        new AwsCredentials.Profile(
                                "john-doe", Optional.of("/path/to/profile/config")));
        assertThat(egress.extension().topics()).containsExactly("greetings");
        assertDiagnostic(
                r,
                Severity.INFO,
                "module.spec.ingresses[1].ingress.meta.type",
                45,
                "not a Kinesis component; skipped");
        assertDiagnostic(r, Severity.INFO, "module.spec.functions", 8, "skipped");
    }

    @Test
    void readsStateFun30ModulesWithPlainMapClientProperties() {
        ParseResult r = Fixtures.parse("dialects/v30-module.yaml");
        assertThat(r.hasErrors()).isFalse();
        IngressSpec ingress = (IngressSpec) r.components().get(0);
        assertThat(ingress.clientProperties())
                .extracting(ClientProperty::key)
                .containsExactly("SocketTimeout", "NonProxyHosts");
        assertThat(ingress.streams().get(0).targets()).hasSize(2);
        assertThat(r.components().get(1)).isInstanceOf(EgressSpec.class);
        assertThat(((EgressSpec) r.components().get(1)).maxOutstandingRecords()).isEqualTo(10_000);
    }

    @Test
    void readsStateFun31MultiDocumentFiles() {
        ParseResult r = Fixtures.parse("dialects/v31-module.yaml");
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.components())
                .extracting(Component::id)
                .containsExactly("com.example/users", "com.example/out");
        assertDiagnostic(
                r,
                Severity.INFO,
                "kind",
                2,
                "'io.statefun.endpoints.v2/http' is not a Kinesis component; skipped");
        assertDiagnostic(r, Severity.WARNING, "spec.awsRegion.endpoint", 12, "plain http");
        assertThat(((EgressSpec) r.components().get(1)).maxOutstandingRecords()).isEqualTo(500);
    }

    @Test
    void reportsMissingStreams() {
        assertDiagnostic(
                Fixtures.parse("errors/no-streams.yaml"),
                Severity.ERROR,
                "module.spec.ingresses[0].ingress.spec",
                12,
                "missing required key 'streams'");
    }

    @Test
    void reportsEmptyTargetsAtTheirPathAndLine() {
        ParseResult r = Fixtures.parse("errors/no-targets.yaml");
        assertDiagnostic(
                r,
                Severity.ERROR,
                "module.spec.ingresses[0].ingress.spec.streams[1].targets",
                17,
                "'targets' is empty");
        assertThat(r.components()).isEmpty();
    }

    @Test
    void reportsMissingStreamName() {
        assertDiagnostic(
                Fixtures.parse("errors/no-stream-name.yaml"),
                Severity.ERROR,
                "spec.streams[0]",
                5,
                "missing required key 'stream'");
    }

    @Test
    void reportsWrongTypesWithoutStopping() {
        ParseResult r = Fixtures.parse("errors/wrong-types.yaml");
        assertDiagnostic(r, Severity.ERROR, "spec.awsRegion", 4, "must be a map");
        assertDiagnostic(
                r,
                Severity.ERROR,
                "spec.maxOutstandingRecords",
                5,
                "whole number between 1 and 2147483647, found 'lots'");
        assertDiagnostic(
                r,
                Severity.ERROR,
                "spec.clientConfigProperties[0].RecordTtl",
                7,
                "must be a single value, found a list");
        assertThat(r.diagnostics()).extracting(Diagnostic::line).isSorted();
    }

    @Test
    void unknownKeysAreWarningsWithSuggestionOrErrorsWhenStrict() {
        String yaml = Fixtures.read("errors/unknown-key.yaml");
        ParseResult lenient = new ModuleSpecParser(false).parse("unknown-key.yaml", yaml);
        assertDiagnostic(
                lenient,
                Severity.WARNING,
                "spec.startupPositon",
                4,
                "Did you mean 'startupPosition'?");
        assertThat(lenient.components()).hasSize(1);
        ParseResult strict = new ModuleSpecParser(true).parse("unknown-key.yaml", yaml);
        assertDiagnostic(
                strict,
                Severity.ERROR,
                "spec.startupPositon",
                4,
                "Did you mean 'startupPosition'?");
    }

    @Test
    void badDateListsTheAcceptedForms() {
        assertDiagnostic(
                Fixtures.parse("errors/bad-date.yaml"),
                Severity.ERROR,
                "spec.startupPosition.date",
                6,
                "ISO-8601");
    }

    @Test
    void malformedYamlIsAnErrorWithItsLine() {
        ParseResult r = Fixtures.parse("errors/malformed.yaml");
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.line()).isEqualTo(7);
        assertThat(d.message()).startsWith("not valid YAML").contains("line 6");
        assertThat(d.format()).startsWith("errors/malformed.yaml:7: error: ");
    }

    @Test
    void emptyFileAndUnknownVersionAreErrors() {
        assertThat(new ModuleSpecParser(false).parse("e.yaml", "").diagnostics())
                .singleElement()
                .extracting(Diagnostic::message)
                .asString()
                .contains("empty");
        assertDiagnostic(
                Fixtures.parse("errors/unknown-version.yaml"),
                Severity.ERROR,
                "version",
                1,
                "unsupported version '4.0'");
    }

    @Test
    void ingressOnlyKeysOnAnEgressSayWhy() {
        String yaml = "kind: io.statefun.kinesis.v1/egress\nspec:\n  id: a/b\n  streams: []\n";
        assertDiagnostic(
                new ModuleSpecParser(false).parse("f", yaml),
                Severity.WARNING,
                "spec.streams",
                4,
                "applies to ingresses only");
    }

    @Test
    void duplicateKeysAndDuplicateStreamsAreErrors() {
        String yaml =
                "kind: io.statefun.kinesis.v1/ingress\nspec:\n  id: a/b\n  id: a/c\n  streams:\n"
                        + "    - {stream: s, targets: [a/f]}\n    - {stream: s, targets: [a/g]}\n";
        ParseResult r = new ModuleSpecParser(false).parse("f", yaml);
        assertDiagnostic(r, Severity.ERROR, "spec.id", 4, "duplicate key 'id' (first on line 3)");
        assertDiagnostic(r, Severity.ERROR, "spec.streams[1]", 7, "listed twice");
    }

    @Test
    void targetsAndIdsMustBeNamespaceSlashName() {
        String yaml =
                "kind: io.statefun.kinesis.v1/ingress\nspec:\n  id: nons\n  streams:\n    - stream: s\n      targets: [greeter]\n";
        ParseResult r = new ModuleSpecParser(false).parse("f", yaml);
        assertDiagnostic(r, Severity.ERROR, "spec.id", 3, "'namespace/name'");
        assertDiagnostic(
                r,
                Severity.ERROR,
                "spec.streams[0].targets[0]",
                6,
                "'namespace/name', found 'greeter'");
    }

    @Test
    void secretsNeverAppearInDiagnostics() {
        String yaml =
                "kind: io.statefun.kinesis.v1/ingress\nspec:\n  id: a/b\n  awsCredentials:\n    type: profile\n    accessKeyId: AKIAHIDDEN\n    secretAccessKey: topSecretValue\n  streams: [{stream: s, targets: [a/f]}]\n";
        ParseResult r = new ModuleSpecParser(false).parse("f", yaml);
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.diagnostics())
                .allSatisfy(
                        d ->
                                assertThat(d.format())
                                        .doesNotContain("topSecretValue")
                                        .doesNotContain("AKIAHIDDEN"));
        assertThat(new Secret("topSecretValue").toString()).isEqualTo(Secret.MASK);
    }
}
