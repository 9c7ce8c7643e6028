package io.kinesisconnect.common.spec;

/**
 * One finding about a spec file: where it is (file, YAML path, line) and what to do about it.
 * Messages never contain secret values.
 */
public record Diagnostic(Severity severity, String file, String path, int line, String message) {

    /** Formats as {@code file:line: severity: path: message}, the shape compilers use. */
    public String format() {
        String where = path.isEmpty() ? "" : path + ": ";
        return file + ":" + line + ": " + severity.label() + ": " + where + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
