package io.kinesisconnect.common.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the diagnostics of one run; in strict mode unknown keys count as errors. */
public final class Diagnostics {
    private final List<Diagnostic> list = new ArrayList<>();
    private final boolean strict;

    public Diagnostics(boolean strict) {
        this.strict = strict;
    }

    public void error(String file, String path, int line, String message) {
        list.add(new Diagnostic(Severity.ERROR, file, path, line, message));
    }

    public void warning(String file, String path, int line, String message) {
        list.add(new Diagnostic(Severity.WARNING, file, path, line, message));
    }

    public void info(String file, String path, int line, String message) {
        list.add(new Diagnostic(Severity.INFO, file, path, line, message));
    }

    /** An unknown key: a warning, or an error in strict mode. */
    public void unknownKey(String file, String path, int line, String message) {
        list.add(
                new Diagnostic(
                        strict ? Severity.ERROR : Severity.WARNING, file, path, line, message));
    }

    public void addAll(List<Diagnostic> more) {
        list.addAll(more);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(list);
    }
}
