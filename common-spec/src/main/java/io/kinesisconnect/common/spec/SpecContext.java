package io.kinesisconnect.common.spec;

/** The file being read and where its diagnostics go. */
final class SpecContext {
    private final String file;
    private final Diagnostics diagnostics;

    SpecContext(String file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    String file() {
        return file;
    }

    Origin origin(String path, int line) {
        return new Origin(file, path, line);
    }

    void error(String path, int line, String message) {
        diagnostics.error(file, path, line, message);
    }

    void warning(String path, int line, String message) {
        diagnostics.warning(file, path, line, message);
    }

    void info(String path, int line, String message) {
        diagnostics.info(file, path, line, message);
    }

    void unknownKey(String path, int line, String message) {
        diagnostics.unknownKey(file, path, line, message);
    }
}
