package io.kinesisconnect.processes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the emulators are found, and where their logs and scratch files go. */
public final class ProcessPaths {

    private ProcessPaths() {}

    /**
     * The node_modules folder that holds the pinned emulators. The build passes it as the system
     * property {@code kc.node.modules} (tests) and so does bin/quickstart; otherwise it searches
     * upwards from the working directory, so a test started from an IDE finds it too.
     */
    static Path nodeModules() {
        String configured = System.getProperty("kc.node.modules");
        if (configured != null && Files.isDirectory(Paths.get(configured))) {
            return Paths.get(configured);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("node_modules");
            if (Files.isDirectory(candidate.resolve(EmulatorKind.KINESIS_MOCK.packageName()))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "The Kinesis emulators are not installed: no node_modules/"
                        + EmulatorKind.KINESIS_MOCK.packageName()
                        + " found (looked at kc.node.modules="
                        + configured
                        + " and upwards from "
                        + Paths.get("").toAbsolutePath()
                        + "). Run `npm ci` in the repository root.");
    }

    /**
     * Where logs and scratch files go: {@code kc.build.dir} (the module's target/ in a build, the
     * quickstart's folder), otherwise target/ under the working directory.
     */
    public static Path buildDirectory() {
        String configured = System.getProperty("kc.build.dir");
        return configured != null ? Paths.get(configured) : Paths.get("target").toAbsolutePath();
    }

    /** The node executable; {@code kc.node} overrides the one on the PATH. */
    static String node() {
        return System.getProperty("kc.node", "node");
    }
}
