package io.kinesisconnect.processes;

/**
 * The Kinesis emulators that tests and the quickstart can run, both installed from npm by the
 * repository's package.json.
 */
public enum EmulatorKind {
    /**
     * kinesis-local, the npm build of kinesis-mock: the full API including resharding, enhanced
     * fan-out and a TLS port that the KPL can use.
     */
    KINESIS_MOCK("kinesis-local", "main.js"),
    /** kinesalite: the plain polling API only, but about ten times faster to write to. */
    KINESALITE("kinesalite", "cli.js");

    private final String packageName;
    private final String entryPoint;

    EmulatorKind(String packageName, String entryPoint) {
        this.packageName = packageName;
        this.entryPoint = entryPoint;
    }

    /** The npm package that provides this emulator. */
    public String packageName() {
        return packageName;
    }

    /** The script inside the package that node runs. */
    public String entryPoint() {
        return entryPoint;
    }
}
