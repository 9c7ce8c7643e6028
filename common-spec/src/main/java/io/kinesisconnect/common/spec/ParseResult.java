package io.kinesisconnect.common.spec;

import java.util.List;

/** The Kinesis components found in spec files and everything worth telling about them. */
public record ParseResult(List<Component> components, List<Diagnostic> diagnostics) {
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
