package io.kinesisconnect.common.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Parses StateFun module files in any of the three dialects into Kinesis {@link Component}s. It
 * never throws on bad input: every problem becomes a {@link Diagnostic} with file, path and line.
 */
public final class ModuleSpecParser {
    private final boolean strict;

    /**
     * @param strict whether unknown keys are errors rather than warnings
     */
    public ModuleSpecParser(boolean strict) {
        this.strict = strict;
    }

    /** Parses the file at {@code path}; an unreadable file is an error diagnostic. */
    public ParseResult parse(Path path) {
        try {
            return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            Diagnostics d = new Diagnostics(strict);
            d.error(
                    path.toString(),
                    "",
                    1,
                    "cannot read the file: " + e.getClass().getSimpleName() + " " + e.getMessage());
            return new ParseResult(List.of(), d.all());
        }
    }

    /** Parses {@code content}, naming it {@code file} in diagnostics. */
    public ParseResult parse(String file, String content) {
        Diagnostics diagnostics = new Diagnostics(strict);
        SpecContext ctx = new SpecContext(file, diagnostics);
        List<Component> components = new ArrayList<>();
        List<YamlNode> documents = new YamlTreeReader(ctx).read(content);
        if (documents.isEmpty() && !diagnostics.hasErrors()) {
            ctx.error("", 1, "the file is empty; expected a StateFun module");
        }
        for (YamlNode doc : documents) {
            if (doc instanceof YamlNode.Scalar s && s.isNull()) {
                continue;
            }
            Fields.of(ctx, doc, "").ifPresent(fields -> readDocument(ctx, fields, components));
        }
        List<Diagnostic> sorted = new ArrayList<>(diagnostics.all());
        sorted.sort(Comparator.comparingInt(Diagnostic::line));
        return new ParseResult(List.copyOf(components), List.copyOf(sorted));
    }

    private static void readDocument(SpecContext ctx, Fields doc, List<Component> out) {
        if (doc.has("kind")) {
            new KindDocumentReader(ctx, out::add).read(doc);
        } else if (doc.has("version")) {
            new LegacyModuleReader(ctx, out::add).read(doc);
        } else if (doc.has("module")) {
            ctx.error(
                    "",
                    doc.line(),
                    "missing 'version' (one of "
                            + String.join(", ", LegacyModuleReader.VERSIONS)
                            + ") before 'module'");
        } else {
            ctx.error(
                    "",
                    doc.line(),
                    "not a StateFun module: expected 'kind' (StateFun 3.1+) or 'version' and 'module' (StateFun 2.x and 3.0)");
        }
    }
}
