package io.kinesisconnect.e2e;

import io.kinesisconnect.localstack.ConnectWorker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the end-to-end tests find the runtimes and the installed archive, and keep their data. */
final class E2ePaths {

    private E2ePaths() {}

    /** The jars of the Kafka 4.3.1 broker and worker. */
    static Path kafka4() {
        return existing("kc.runtime.kafka4");
    }

    /** The jars of the Connect 3.7.2 worker. */
    static Path connect37() {
        return existing("kc.runtime.connect37");
    }

    /** The Kafka 4.3.1 worker: its jars, logging through log4j2. */
    static ConnectWorker.Runtime kafka4Worker() {
        return new ConnectWorker.Runtime(kafka4(), true);
    }

    /** The Connect 3.7.2 worker: its jars, logging through log4j 1 (reload4j). */
    static ConnectWorker.Runtime connect37Worker() {
        return new ConnectWorker.Runtime(connect37(), false);
    }

    /** The plugin.path folder that holds the unzipped archive. */
    static Path pluginPath() {
        existing("kc.plugin.dir");
        return existing("kc.plugin.path");
    }

    /** The archive's lib/ folder. */
    static Path pluginLib() {
        return existing("kc.plugin.dir").resolve("lib");
    }

    /** The unzipped CLI archive's lib/ folder. */
    static Path cliLib() {
        return existing("kc.cli.dir").resolve("lib");
    }

    /** The project version, which both connectors report. */
    static String projectVersion() {
        return System.getProperty("kc.project.version");
    }

    /** A fresh folder under target/e2e for one run's data and logs. */
    static Path runDirectory(String name) {
        String build = System.getProperty("kc.build.dir", "target");
        Path dir =
                Paths.get(build, "e2e", name + "-" + System.currentTimeMillis()).toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isDirectory(Paths.get(value))) {
            throw new IllegalStateException(
                    property
                            + "="
                            + value
                            + " is not a folder; run the module through Maven (mvn verify), which"
                            + " builds the archive and the runtimes first");
        }
        return Paths.get(value);
    }
}
