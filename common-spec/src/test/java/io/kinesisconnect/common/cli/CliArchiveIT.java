package io.kinesisconnect.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.ProjectVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The CLI's own archive, as a user gets it: its launcher runs the CLI with nothing but the unpacked
 * lib/ folder, so nobody needs to know its main class or a class path.
 */
class CliArchiveIT {

    private static final Path ZIP = Paths.get(System.getProperty("kc.cli.zip"));
    private static final Path HOME = Paths.get(System.getProperty("kc.cli.dir"));

    @Test
    void theZipHoldsTheLauncherAndTheLibrariesInOneFolder() throws IOException {
        String root = HOME.getFileName() + "/";
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertThat(names).allMatch(name -> name.startsWith(root));
            assertThat(names)
                    .contains(root + "bin/kinesis-connect", root + "LICENSE", root + "NOTICE")
                    .anyMatch(
                            name -> name.matches(root + "lib/kinesis-connect-common-spec-.*\\.jar"))
                    .anyMatch(name -> name.matches(root + "lib/picocli-.*\\.jar"))
                    .noneMatch(name -> name.matches(root + "lib/kafka-.*\\.jar"));
        }
    }

    @Test
    void theLauncherPrintsTheProjectVersion() throws Exception {
        Run run = launch("--version");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("kinesis-connect " + ProjectVersion.get());
    }

    @Test
    void theLauncherValidatesAModuleAndNamesTheYamlPathOfABadValue(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path module = dir.resolve("module.yaml");
        Files.writeString(
                module,
                String.join(
                        "\n",
                        "kind: io.statefun.kinesis.v1/ingress",
                        "spec:",
                        "  id: com.example/users",
                        "  awsRegion:",
                        "    type: specific",
                        "    id: us-east-1",
                        "  startupPosition:",
                        "    type: sometime",
                        "  streams:",
                        "    - stream: user-stream",
                        "      valueType: com.example/User",
                        "      targets:",
                        "        - com.example.fn/greeter",
                        ""));
        Run run = launch("validate", module.toString());
        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("startupPosition", "sometime");
    }

    /**
     * The AWS SDK and what it needs at run time are in lib/: the command reaches the point of
     * calling Kinesis (nothing listens on the port, so the call fails and says so per stream).
     */
    @Test
    void theLauncherRunsDeregisterConsumerThroughTheAwsSdk() throws Exception {
        Run run =
                launch(
                        "deregister-consumer",
                        "--stream",
                        "orders",
                        "--consumer-name",
                        "orders-efo",
                        "--region",
                        "us-east-1",
                        "--endpoint",
                        "http://127.0.0.1:1");
        assertThat(run.exitCode()).as(run.output()).isOne();
        assertThat(run.output())
                .contains("stream 'orders':", "127.0.0.1:1")
                .doesNotContain("NoClassDefFoundError", "SLF4J");
    }

    private static Run launch(String... args) throws Exception {
        List<String> command =
                new java.util.ArrayList<>(List.of(HOME.resolve("bin/kinesis-connect").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .put("JAVA", Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        // Credentials from the environment, the first link of the SDK's default chain, so that no
        // command ever asks an instance-metadata endpoint: every call stays on loopback.
        builder.environment().put("AWS_ACCESS_KEY_ID", "cli-archive-test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "cli-archive-test");
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the CLI ends").isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {}
}
