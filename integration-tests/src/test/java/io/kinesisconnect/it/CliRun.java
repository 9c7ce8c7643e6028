package io.kinesisconnect.it;

import io.kinesisconnect.common.cli.KinesisConnectCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code kinesis-connect} CLI in this JVM, with its exit code and captured output.
 *
 * @param exitCode what the process would exit with
 * @param out what it printed to stdout
 * @param err what it printed to stderr
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = KinesisConnectCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Both streams, for assertions about what was never printed. */
    String all() {
        return out + err;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
