package io.kinesisconnect.common.cli;

import io.kinesisconnect.common.spec.Component;
import io.kinesisconnect.common.spec.Diagnostic;
import io.kinesisconnect.common.spec.ModuleSpecParser;
import io.kinesisconnect.common.spec.ParseResult;
import io.kinesisconnect.common.spec.Severity;
import io.kinesisconnect.common.translate.SpecTranslator;
import io.kinesisconnect.common.translate.TranslationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Parses all files, then translates all components at once so names are unique across files. */
final class SpecPipeline {
    private SpecPipeline() {}

    static TranslationResult run(SpecOptions options) {
        ModuleSpecParser parser = new ModuleSpecParser(options.strict);
        List<Component> components = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Path file : options.files) {
            ParseResult r = parser.parse(file);
            components.addAll(r.components());
            diagnostics.addAll(r.diagnostics());
        }
        boolean parseErrors = diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        TranslationResult t =
                new SpecTranslator(options.translationOptions()).translate(components);
        diagnostics.addAll(t.diagnostics());
        // A file with errors must not yield a half-translated connector set.
        return new TranslationResult(
                parseErrors ? List.of() : t.configs(),
                diagnostics,
                parseErrors ? new TreeMap<>() : t.secrets());
    }

    /** Prints the diagnostics and a summary line; returns whether there were errors. */
    static boolean print(List<Diagnostic> diagnostics, PrintWriter out) {
        long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        diagnostics.forEach(d -> out.println(d.format()));
        if (errors + warnings > 0) {
            out.println(errors + " error(s), " + warnings + " warning(s)");
        }
        out.flush();
        return errors > 0;
    }
}
