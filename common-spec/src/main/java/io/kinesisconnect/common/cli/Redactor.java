package io.kinesisconnect.common.cli;

import io.kinesisconnect.common.spec.Secret;
import io.kinesisconnect.common.translate.SecretMasker;
import java.util.List;
import java.util.Map;

/** Removes a config's secret values from text we did not write ourselves, such as worker errors. */
final class Redactor {
    private final List<String> secrets;

    Redactor(Map<String, String> config) {
        this.secrets =
                config.entrySet().stream()
                        .filter(e -> SecretMasker.isSecret(e.getKey()))
                        .map(Map.Entry::getValue)
                        .filter(v -> v != null && v.length() >= 4)
                        .toList();
    }

    String redact(String text) {
        String result = text == null ? "" : text;
        for (String s : secrets) {
            result = result.replace(s, Secret.MASK);
        }
        return result;
    }
}
