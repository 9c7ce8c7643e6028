package io.kinesisconnect.common.cli;

import io.kinesisconnect.common.translate.ConnectorConfig;
import io.kinesisconnect.common.translate.TranslationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code submit}: validates each config with the worker, then creates or updates the connector. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = {
            "Translate the files, check each connector config with the Connect worker"
                    + " (PUT /connector-plugins/{class}/config/validate), then create or update it"
                    + " (PUT /connectors/{name}/config).",
            "Idempotent: a connector whose config is already the same is reported as unchanged.",
            "Exit code 1 if any connector fails."
        })
final class SubmitCommand implements Callable<Integer> {
    @Mixin SpecOptions options;
    @Spec CommandSpec spec;

    @Option(
            names = "--connect-url",
            required = true,
            paramLabel = "URL",
            description = "Base URL of a Connect worker's REST API, e.g. http://localhost:8083.")
    String connectUrl;

    @Option(
            names = "--dry-run",
            description =
                    "Validate with the worker and report what would change, without changing anything.")
    boolean dryRun;

    @Option(
            names = "--timeout",
            defaultValue = "PT30S",
            paramLabel = "DURATION",
            description = "Timeout per HTTP request, ISO-8601. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        TranslationResult result = SpecPipeline.run(options);
        PrintWriter err = spec.commandLine().getErr();
        if (SpecPipeline.print(result.diagnostics(), err)) {
            err.println("nothing submitted: fix the errors above first");
            return 1;
        }
        if (!result.secrets().isEmpty()) {
            err.println(
                    "note: the configs refer to "
                            + options.secretsFile
                            + "; the workers must have that file and config.providers=file");
        }
        ConnectRestClient client = new ConnectRestClient(connectUrl, timeout);
        int failures = 0;
        for (ConnectorConfig c : result.configs()) {
            failures += submit(client, c) ? 0 : 1;
        }
        spec.commandLine()
                .getOut()
                .println(
                        result.configs().size()
                                - failures
                                + " of "
                                + result.configs().size()
                                + " connector(s) OK"
                                + (dryRun ? " (dry run)" : ""));
        spec.commandLine().getOut().flush();
        return failures == 0 ? 0 : 1;
    }

    private boolean submit(ConnectRestClient client, ConnectorConfig c)
            throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Redactor redactor = new Redactor(c.config());
        try {
            Map<String, List<String>> errors = client.validate(c.connectorClass(), c.config());
            if (!errors.isEmpty()) {
                err.println(c.name() + ": rejected by the worker's validation");
                errors.forEach(
                        (key, messages) ->
                                messages.forEach(
                                        m -> err.println("  " + key + ": " + redactor.redact(m))));
                err.flush();
                return false;
            }
            Optional<Map<String, String>> current = client.config(c.name());
            String outcome;
            if (current.isPresent() && current.get().equals(c.config())) {
                outcome = "unchanged";
            } else if (dryRun) {
                outcome = current.isPresent() ? "would update" : "would create";
            } else {
                outcome = client.put(c.name(), c.config()) ? "created" : "updated";
            }
            out.println(c.name() + ": " + outcome);
            out.flush();
            return true;
        } catch (IOException e) {
            err.println(c.name() + ": failed: " + redactor.redact(e.getMessage()));
            err.flush();
            return false;
        }
    }
}
