package io.kinesisconnect.common.spec;

/** How serious a diagnostic is. */
public enum Severity {
    /** The file cannot be translated until this is fixed. */
    ERROR,
    /** Translated, but probably not what the author meant. */
    WARNING,
    /** For the record, such as a component of another kind that was skipped. */
    INFO;

    /** The lower-case label used in printed diagnostics. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
