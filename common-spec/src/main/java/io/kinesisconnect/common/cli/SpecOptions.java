package io.kinesisconnect.common.cli;

import io.kinesisconnect.common.translate.SecretHandling;
import io.kinesisconnect.common.translate.TranslationOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options shared by the commands that read spec files. */
final class SpecOptions {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "StateFun module YAML files.")
    List<Path> files;

    @Option(names = "--strict", description = "Treat unknown keys as errors rather than warnings.")
    boolean strict;

    @Option(
            names = "--topics",
            paramLabel = "ID=TOPIC[,TOPIC...]",
            description = {
                "Topics a sink reads, per egress id, e.g. --topics com.example/out=t1,t2.",
                "Repeatable. Wins over x-kafka-connect.topics in the spec."
            })
    Map<String, String> topics = new LinkedHashMap<>();

    @Option(
            names = "--topic-template",
            paramLabel = "TEMPLATE",
            description = {
                "How an ingress target namespace/name becomes a topic; placeholders $${namespace},"
                        + " $${name}, $${stream}. Default: $${namespace}.$${name}.",
                "Use single quotes in the shell."
            })
    String topicTemplate;

    @Option(
            names = "--secrets-file",
            paramLabel = "PATH",
            description = {
                "Do not put secrets in the configs: write $${file:PATH:KEY} references instead, for"
                        + " Connect's FileConfigProvider (worker setting config.providers=file).",
                "PATH is where the secrets file lives on the workers; translate --out writes its"
                        + " content to DIR/secrets.properties. Default: secrets stay inline."
            })
    String secretsFile;

    @Option(names = "--verbose", description = "Show stack traces of unexpected failures.")
    boolean verbose;

    TranslationOptions translationOptions() {
        Map<String, List<String>> egressTopics = new LinkedHashMap<>();
        topics.forEach(
                (id, list) ->
                        egressTopics.put(
                                id.trim(),
                                Arrays.stream(list.split(","))
                                        .map(String::trim)
                                        .filter(t -> !t.isEmpty())
                                        .toList()));
        SecretHandling secrets =
                secretsFile == null
                        ? new SecretHandling.Inline()
                        : new SecretHandling.FileReference(secretsFile);
        return new TranslationOptions(Optional.ofNullable(topicTemplate), egressTopics, secrets);
    }
}
