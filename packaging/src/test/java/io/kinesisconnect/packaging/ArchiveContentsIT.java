package io.kinesisconnect.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the built Confluent Hub archive the way a worker and a user will see it. */
class ArchiveContentsIT {

    /** Jars that every Connect worker provides; a second copy in the plugin can only clash. */
    private static final Pattern WORKER_PROVIDED_JAR =
            Pattern.compile(
                    "^(kafka-clients|kafka_2\\.1[23]|kafka-tools|kafka-server.*|connect-api"
                            + "|connect-runtime|connect-json|connect-transforms|connect-mirror.*"
                            + "|slf4j-.*|log4j-.*|reload4j|logback-.*|jaxb-api)-\\d.*\\.jar$");

    /** Packages the worker's class loader serves to every plugin, shaded or not. */
    private static final List<String> WORKER_PACKAGES =
            List.of("org/apache/kafka/", "org/slf4j/", "org/apache/logging/log4j/");

    /**
     * The CLI and the StateFun translator ship in their own archive: no worker needs them, nor the
     * command-line and YAML libraries they bring.
     */
    private static final Pattern OFFLINE_TOOLING_JAR =
            Pattern.compile(
                    "^(kinesis-connect-common-spec|kinesis-connect-cli|picocli"
                            + "|jackson-dataformat-yaml|snakeyaml)-\\d.*\\.jar$");

    private static final List<String> OFFLINE_TOOLING_PACKAGES =
            List.of(
                    "io/kinesisconnect/common/cli/",
                    "io/kinesisconnect/common/spec/",
                    "io/kinesisconnect/common/translate/",
                    "picocli/",
                    "org/yaml/snakeyaml/");

    private static Path archive;
    private static String root;
    private static Map<String, byte[]> smallFiles;
    private static List<String> jars;

    @BeforeAll
    static void readArchive() throws IOException {
        archive = Paths.get(System.getProperty("kc.archive"));
        root = System.getProperty("kc.archive.name") + "/";
        smallFiles = new HashMap<>();
        jars = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (entry.getName().endsWith(".jar")) {
                    jars.add(entry.getName());
                } else if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        smallFiles.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        System.out.printf(
                "Archive %s: %,d bytes, %d jars%n",
                archive.getFileName(), archive.toFile().length(), jars.size());
    }

    @Test
    void everythingSitsInOneTopLevelFolderWithTheHubLayout() {
        assertThat(smallFiles.keySet()).allMatch(name -> name.startsWith(root));
        assertThat(jars).isNotEmpty().allMatch(name -> name.startsWith(root + "lib/"));
        assertThat(smallFiles)
                .containsKeys(
                        root + "manifest.json",
                        root + "doc/README.md",
                        root + "doc/source-connector.md",
                        root + "doc/sink-connector.md",
                        root + "doc/LICENSE",
                        root + "doc/NOTICE",
                        root + "doc/bundled-jars.txt",
                        root + "etc/connect-distributed.properties",
                        root + "etc/kinesis-source.json",
                        root + "etc/kinesis-sink.json",
                        root + "etc/jmx-exporter-kinesis-connect.yml",
                        root + "etc/grafana-kinesis-connect.json");
    }

    @Test
    void holdsNoJarThatTheWorkerProvides() {
        List<String> names = jars.stream().map(j -> j.substring(j.lastIndexOf('/') + 1)).toList();
        assertThat(names).noneMatch(name -> WORKER_PROVIDED_JAR.matcher(name).matches());
    }

    @Test
    void holdsNeitherTheCliNorTheStateFunToolingNorWhatOnlyTheyUse() throws IOException {
        List<String> names = jars.stream().map(j -> j.substring(j.lastIndexOf('/') + 1)).toList();
        assertThat(names).noneMatch(name -> OFFLINE_TOOLING_JAR.matcher(name).matches());
        List<String> toolingClasses = new ArrayList<>();
        forEachJarEntry(
                (jar, entry) -> {
                    if (OFFLINE_TOOLING_PACKAGES.stream().anyMatch(entry::startsWith)) {
                        toolingClasses.add(jar + "!" + entry);
                    }
                });
        assertThat(toolingClasses).isEmpty();
    }

    @Test
    void noBundledJarCarriesClassesOfTheWorkerItself() throws IOException {
        List<String> offending = new ArrayList<>();
        forEachJarEntry(
                (jar, entry) -> {
                    if (WORKER_PACKAGES.stream().anyMatch(entry::startsWith)
                            && entry.endsWith(".class")) {
                        offending.add(jar + "!" + entry);
                    }
                });
        assertThat(offending).isEmpty();
    }

    @Test
    void bothConnectorsAndTheirServiceFilesArePresent() throws IOException {
        Map<String, String> services = new HashMap<>();
        List<String> classes = new ArrayList<>();
        forEachJarEntry(
                (jar, entry) -> {
                    if (entry.startsWith("io/kinesisconnect/")) {
                        classes.add(entry);
                    }
                },
                (jar, entry, content) -> {
                    if (entry.startsWith("META-INF/services/org.apache.kafka.connect.")) {
                        services.merge(entry, content, String::concat);
                    }
                });
        assertThat(classes)
                .contains(
                        "io/kinesisconnect/source/KinesisSourceConnector.class",
                        "io/kinesisconnect/sink/KinesisSinkConnector.class");
        assertThat(
                        services.get(
                                "META-INF/services/org.apache.kafka.connect.source.SourceConnector"))
                .contains("io.kinesisconnect.source.KinesisSourceConnector");
        assertThat(services.get("META-INF/services/org.apache.kafka.connect.sink.SinkConnector"))
                .contains("io.kinesisconnect.sink.KinesisSinkConnector");
    }

    @Test
    void manifestDescribesBothComponentsAndTheVersion() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(smallFiles.get(root + "manifest.json"));
        assertThat(manifest.path("name").asText()).isEqualTo("kinesis-connect");
        assertThat(root).isEqualTo("kinesis-connect-" + manifest.path("version").asText() + "/");
        assertThat(manifest.path("component_types").toString()).contains("source", "sink");
        assertThat(manifest.path("owner").path("username").asText()).isNotBlank();
        assertThat(manifest.path("license").get(0).path("name").asText())
                .isEqualTo("Apache License 2.0");
        assertThat(manifest.path("requirements").toString()).contains("3.7");
        assertThat(manifest.path("tags").size()).isPositive();
    }

    @Test
    void docsCarryTheGeneratedConfigReferenceOfBothConnectors() {
        for (String doc : List.of("doc/source-connector.md", "doc/sink-connector.md")) {
            String text = new String(smallFiles.get(root + doc), StandardCharsets.UTF_8);
            assertThat(text).contains("config-reference:begin", "`aws.region`");
        }
    }

    private interface EntryVisitor {
        void visit(String jar, String entry) throws IOException;
    }

    private interface ContentVisitor {
        void visit(String jar, String entry, String content) throws IOException;
    }

    private static void forEachJarEntry(EntryVisitor visitor) throws IOException {
        forEachJarEntry(visitor, (jar, entry, content) -> {});
    }

    /** Streams through every jar inside the archive; {@code services} also gets service files. */
    private static void forEachJarEntry(EntryVisitor visitor, ContentVisitor services)
            throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (String jar : jars) {
                try (ZipInputStream in =
                        new ZipInputStream(zip.getInputStream(zip.getEntry(jar)))) {
                    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        visitor.visit(jar, e.getName());
                        if (e.getName().startsWith("META-INF/services/")) {
                            services.visit(
                                    jar,
                                    e.getName(),
                                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
    }
}
