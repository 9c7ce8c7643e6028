package io.kinesisconnect.common.spec;

import java.util.List;

/** Thrown when a spec cannot be used; carries the diagnostics that say why. */
public final class SpecException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public SpecException(String message, List<Diagnostic> diagnostics) {
        super(message);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
