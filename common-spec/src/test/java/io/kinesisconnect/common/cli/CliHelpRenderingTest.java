package io.kinesisconnect.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help renders as a user reads it: picocli interpolates {@code ${...}} in
 * descriptions, so a placeholder written without escaping shows as {@code null}.
 */
class CliHelpRenderingTest {

    /** What the help shows on purpose; help text wraps anywhere, so spaces are ignored. */
    private static final String[] PLACEHOLDERS = {
        "$" + "{namespace}", "$" + "{name}", "$" + "{stream}", "$" + "{file:PATH:KEY}"
    };

    @Test
    void everyCommandsHelpShowsNoNullAndNoUnresolvedVariable() {
        List<CommandLine> commands = new ArrayList<>();
        collect(KinesisConnectCli.commandLine(), commands);
        assertThat(commands)
                .extracting(CommandLine::getCommandName)
                .contains("submit", "translate");
        for (CommandLine command : commands) {
            String help = usage(command);
            assertThat(help)
                    .as("help of '%s'", command.getCommandName())
                    .doesNotContainPattern("\\bnull\\b");
            String unresolved = withoutSpaces(help);
            for (String placeholder : PLACEHOLDERS) {
                unresolved = unresolved.replace(placeholder, "");
            }
            assertThat(unresolved)
                    .as(
                            "help of '%s' outside the documented placeholders",
                            command.getCommandName())
                    .doesNotContain("${");
        }
    }

    @Test
    void placeholdersAreShownLiterally() {
        String submit =
                withoutSpaces(
                        usage(KinesisConnectCli.commandLine().getSubcommands().get("submit")));
        assertThat(submit).contains(PLACEHOLDERS);
    }

    @Test
    void theControlSeesAnUnescapedPlaceholder() {
        @CommandLine.Command(name = "broken")
        class Broken {
            @CommandLine.Option(names = "--x", description = "placeholder ${namespace}")
            String x;
        }
        // The check above must be able to fail: an unescaped placeholder renders as null.
        assertThat(usage(new CommandLine(new Broken()))).containsPattern("\\bnull\\b");
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String usage(CommandLine command) {
        StringWriter out = new StringWriter();
        command.usage(new PrintWriter(out));
        return out.toString();
    }
}
