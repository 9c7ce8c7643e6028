package io.kinesisconnect.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the test kit finds the emulators and where it keeps logs. */
public final class TestPaths {

    private TestPaths() {}

    /**
     * The node_modules folder that holds the pinned emulators. The build passes it as the system
     * property {@code kc.node.modules}; otherwise the kit searches upwards from the working
     * directory, so a test started from an IDE finds it too.
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

    /** The module's build folder (target/), where logs and scratch files go. */
    public static Path buildDirectory() {
        String configured = System.getProperty("kc.build.dir");
        return configured != null ? Paths.get(configured) : Paths.get("target").toAbsolutePath();
    }

    /** The node executable; {@code kc.node} overrides the one on the PATH. */
    static String node() {
        return System.getProperty("kc.node", "node");
    }
}
