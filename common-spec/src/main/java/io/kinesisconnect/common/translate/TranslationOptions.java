package io.kinesisconnect.common.translate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the translation needs beyond the spec files.
 *
 * @param topicTemplate how an ingress target becomes a topic, with {@code ${namespace}}, {@code
 *     ${name}} and {@code ${stream}}; a spec's {@code x-kafka-connect.topicTemplate} wins
 * @param egressTopics topics per egress id (from {@code --topics ID=t1,t2}); these win over the
 *     spec
 * @param secrets how secrets are written
 */
public record TranslationOptions(
        Optional<String> topicTemplate,
        Map<String, List<String>> egressTopics,
        SecretHandling secrets) {

    public static TranslationOptions defaults() {
        return new TranslationOptions(Optional.empty(), Map.of(), new SecretHandling.Inline());
    }
}
