package io.kinesisconnect.common.translate;

import io.kinesisconnect.common.spec.Diagnostic;
import io.kinesisconnect.common.spec.Severity;
import java.util.List;
import java.util.SortedMap;

/**
 * The connector configs, the diagnostics of the translation, and the secret values that {@link
 * SecretHandling.FileReference} moved out of the configs (key in the secrets file to value).
 */
public record TranslationResult(
        List<ConnectorConfig> configs,
        List<Diagnostic> diagnostics,
        SortedMap<String, String> secrets) {

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    @Override
    public String toString() {
        return "TranslationResult[configs="
                + configs
                + ", diagnostics="
                + diagnostics
                + ", secrets="
                + secrets.size()
                + " masked]";
    }
}
