package io.kinesisconnect.common.cli;

import io.kinesisconnect.common.translate.TranslationResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code validate}: reports every problem that would stop translation or change its meaning. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check StateFun module files and print errors and warnings with file, line and YAML path.",
            "Exit code 1 if there are errors."
        })
final class ValidateCommand implements Callable<Integer> {
    @Mixin SpecOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        TranslationResult result = SpecPipeline.run(options);
        boolean errors = SpecPipeline.print(result.diagnostics(), spec.commandLine().getOut());
        if (!errors) {
            spec.commandLine().getOut().println("OK: " + result.configs().size() + " connector(s)");
        }
        return errors ? 1 : 0;
    }
}
