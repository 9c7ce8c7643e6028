package io.kinesisconnect.common.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kinesisconnect.common.translate.ConnectorConfig;
import io.kinesisconnect.common.translate.TranslationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code translate}: writes one Connect connector config per Kinesis component. */
@Command(
        name = "translate",
        mixinStandardHelpOptions = true,
        description = {
            "Translate StateFun Kinesis ingresses into source-connector configs and egresses into"
                    + " sink-connector configs, in the Connect REST JSON shape"
                    + " {\"name\": ..., \"config\": {...}} or as properties files.",
            "Without --out the configs go to standard output with secret values masked."
        })
final class TranslateCommand implements Callable<Integer> {
    enum Format {
        json,
        properties
    }

    @Mixin SpecOptions options;
    @Spec CommandSpec spec;

    @Option(
            names = "--format",
            defaultValue = "json",
            description = "json or properties. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Write one file per connector into DIR (created if needed).")
    Path out;

    @Override
    public Integer call() throws IOException {
        TranslationResult result = SpecPipeline.run(options);
        PrintWriter err = spec.commandLine().getErr();
        if (SpecPipeline.print(result.diagnostics(), err)) {
            return 1;
        }
        if (out == null) {
            printMasked(result.configs());
            if (!result.secrets().isEmpty()) {
                err.println(
                        "note: "
                                + result.secrets().size()
                                + " secret value(s) belong in the secrets file; use --out DIR to write it");
            }
        } else {
            write(result);
        }
        return 0;
    }

    private void printMasked(List<ConnectorConfig> configs) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (format == Format.properties) {
            configs.forEach(c -> stdout.println(c.masked().toProperties()));
        } else {
            List<Map<String, Object>> all = new ArrayList<>();
            for (ConnectorConfig c : configs) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", c.name());
                body.put("config", c.masked().config());
                all.add(body);
            }
            stdout.println(
                    new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(all));
        }
        stdout.flush();
    }

    private void write(TranslationResult result) throws IOException {
        Files.createDirectories(out);
        PrintWriter stdout = spec.commandLine().getOut();
        for (ConnectorConfig c : result.configs()) {
            Path file = out.resolve(c.name() + "." + format.name());
            Files.writeString(
                    file,
                    format == Format.json ? c.toJson() : c.toProperties(),
                    StandardCharsets.UTF_8);
            stdout.println("wrote " + file);
        }
        if (!result.secrets().isEmpty()) {
            Path file = out.resolve("secrets.properties");
            writeSecrets(file, result.secrets());
            stdout.println(
                    "wrote "
                            + file
                            + " (copy it to "
                            + options.secretsFile
                            + " on every Connect worker)");
        }
        stdout.flush();
    }

    /** The secrets file, readable by its owner only where the file system allows. */
    static void writeSecrets(Path file, SortedMap<String, String> secrets) throws IOException {
        StringBuilder sb =
                new StringBuilder("# Secrets for Kinesis Connect connectors; keep private.\n");
        secrets.forEach(
                (k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.deleteIfExists(file);
        try {
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
