package io.kinesisconnect.common.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kinesis-connect} command and its error manners: messages to stderr, traces on
 * --verbose.
 */
@Command(
        name = "kinesis-connect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Turns Flink Stateful Functions Kinesis ingresses and egresses (module YAML of StateFun"
                    + " 2.x, 3.0 and 3.1+) into Kafka Connect configs for the Kinesis source and sink"
                    + " connectors, and submits them to a Connect cluster.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  kinesis-connect validate module.yaml",
            "  kinesis-connect translate module.yaml --topics com.example/out=greetings --out build/connect",
            "  kinesis-connect submit module.yaml --connect-url http://localhost:8083 --dry-run",
            "  kinesis-connect deregister-consumer --config config/kinesis-source.json --dry-run",
            "",
            "Exit codes: 0 success, 1 errors in the specs or the submission, 2 wrong usage."
        },
        subcommands = {
            ValidateCommand.class,
            TranslateCommand.class,
            SubmitCommand.class,
            DeregisterConsumerCommand.class,
            CommandLine.HelpCommand.class
        })
public final class KinesisConnectCli implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** A command line ready to execute, with the project's error handling. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new KinesisConnectCli());
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    commandLine.getErr().println("kinesis-connect: " + e.getMessage());
                    if (isVerbose(parseResult)) {
                        e.printStackTrace(commandLine.getErr());
                    } else {
                        commandLine.getErr().println("(run with --verbose for details)");
                    }
                    return 1;
                });
        return cli;
    }

    private static boolean isVerbose(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
