package io.kinesisconnect.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.spec.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KinesisConnectCliTest {
    @TempDir Path tmp;

    private static String fixture(String name) {
        return Fixtures.path(name).toString();
    }

    @Test
    void helpListsTheCommands() {
        CliRun r = CliRun.of("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("validate", "translate", "submit", "Exit codes");
        assertThat(CliRun.of("submit", "--help").out())
                .contains("--connect-url", "--dry-run", "idempotent".substring(1));
    }

    @Test
    void validatePrintsDiagnosticsAndExitsOneOnErrors() {
        CliRun ok = CliRun.of("validate", fixture("doc/doc-ingress.yaml"));
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out())
                .contains(
                        "doc-ingress.yaml:26: warning: module.spec.ingresses[0].ingress.spec.clientConfigProperties[1].type")
                .contains("OK: 1 connector(s)");
        CliRun bad = CliRun.of("validate", fixture("doc/doc-credentials-profile.yaml"));
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains(":20: error:", "did you mean type: profile?", "1 error(s)");
    }

    @Test
    void strictTurnsUnknownKeysIntoErrors() {
        assertThat(CliRun.of("validate", fixture("errors/unknown-key.yaml")).exitCode()).isZero();
        assertThat(CliRun.of("validate", "--strict", fixture("errors/unknown-key.yaml")).exitCode())
                .isEqualTo(1);
    }

    @Test
    void egressTopicsComeFromTheCommandLine() {
        assertThat(CliRun.of("validate", fixture("doc/doc-egress.yaml")).out())
                .contains("--topics com.example/out=");
        assertThat(
                        CliRun.of(
                                        "validate",
                                        fixture("doc/doc-egress.yaml"),
                                        "--topics",
                                        "com.example/out=t1,t2")
                                .exitCode())
                .isZero();
    }

    @Test
    void translateToStdoutMasksSecrets() {
        CliRun r = CliRun.of("translate", fixture("dialects/v31-module.yaml"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains(
                        "\"name\" : \"statefun-com-example-users-source\"",
                        "\"aws.secret.access.key\" : \"********\"")
                .doesNotContain("s3cr3t-Value");
        assertThat(r.err()).contains("plain http");
    }

    @Test
    void translateWritesFilesAndASecretsFile() throws IOException {
        Path out = tmp.resolve("out");
        CliRun r =
                CliRun.of(
                        "translate",
                        fixture("dialects/v31-module.yaml"),
                        "--format",
                        "properties",
                        "--out",
                        out.toString(),
                        "--secrets-file",
                        "/etc/kc/secrets.properties");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("s3cr3t-Value");
        String source =
                Files.readString(out.resolve("statefun-com-example-users-source.properties"));
        assertThat(source)
                .contains(
                        "aws.secret.access.key=${file:/etc/kc/secrets.properties:statefun-com-example-users-source.aws.secret.access.key}");
        assertThat(Files.readString(out.resolve("secrets.properties")))
                .contains("statefun-com-example-users-source.aws.secret.access.key=s3cr3t-Value");
        assertThat(out.resolve("statefun-com-example-out-sink.properties")).exists();
    }

    @Test
    void translateJsonFilesHaveTheRestShape() throws IOException {
        Path out = tmp.resolve("json");
        assertThat(
                        CliRun.of(
                                        "translate",
                                        fixture("dialects/v31-module.yaml"),
                                        "--out",
                                        out.toString())
                                .exitCode())
                .isZero();
        assertThat(Files.readString(out.resolve("statefun-com-example-out-sink.json")))
                .startsWith("{\n  \"name\" : \"statefun-com-example-out-sink\",\n  \"config\" : {");
    }

    @Test
    void badInputGivesAMessageNotATrace() {
        CliRun missing = CliRun.of("validate", tmp.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).contains("cannot read the file");
        CliRun usage = CliRun.of("translate", "--format", "xml", fixture("doc/doc-ingress.yaml"));
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).doesNotContain("at io.").doesNotContain("Exception");
    }
}
