package io.kinesisconnect.common.cli;

/** Entry point of the {@code kinesis-connect} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(KinesisConnectCli.commandLine().execute(args));
    }
}
