package io.kinesisconnect.common.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.translate.SpecTranslator;
import io.kinesisconnect.common.translate.TranslationOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Feeds mutated fixtures to the parser and the translator: each must answer with diagnostics, never
 * with an exception.
 */
class SpecFuzzTest {
    private static final List<String> ODD_VALUES =
            List.of(
                    "[]",
                    "{}",
                    "[1, 2]",
                    "{a: b}",
                    "~",
                    "''",
                    "!!binary AAAA",
                    "&x 1",
                    "*x",
                    "-1",
                    "99999999999999999999",
                    "\"\\u0000\"",
                    "true",
                    "- x",
                    "\"",
                    "{",
                    "[",
                    "|",
                    ">-",
                    "@",
                    "`");
    private static final String ODD_CHARS = ":-[]{}#&*!|>'\"%@` \t";
    private static final List<String> ODD_LINES =
            List.of(
                    "  - x",
                    "? complex",
                    "---",
                    "...",
                    "%YAML 1.2",
                    "\t",
                    ": :",
                    "- - -",
                    "key: [unclosed",
                    "a: *undefined");

    /** One edit of a file: what to do, at which line or character, with which odd input. */
    record Mutation(int kind, int a, int b) {
        List<String> apply(List<String> lines) {
            List<String> out = new ArrayList<>(lines);
            if (out.isEmpty()) {
                return out;
            }
            int i = Math.floorMod(a, out.size());
            int j = Math.floorMod(b, out.size());
            switch (kind) {
                case 0 -> out.remove(i);
                case 1 -> out.add(i, out.get(i));
                case 2 -> {
                    String t = out.get(i);
                    out.set(i, out.get(j));
                    out.set(j, t);
                }
                case 3 -> out.set(i, reindent(out.get(i), Math.floorMod(b, 5) - 2));
                case 4 ->
                        out.set(
                                i,
                                replaceValue(
                                        out.get(i),
                                        ODD_VALUES.get(Math.floorMod(b, ODD_VALUES.size()))));
                case 5 -> {
                    String all = String.join("\n", out);
                    return List.of(all.substring(0, Math.floorMod(b, all.length() + 1)));
                }
                case 6 -> out.add(i, ODD_LINES.get(Math.floorMod(b, ODD_LINES.size())));
                default -> out.set(i, replaceChar(out.get(i), b));
            }
            return out;
        }

        private static String reindent(String line, int delta) {
            return delta >= 0
                    ? " ".repeat(delta * 2) + line
                    : line.replaceFirst("^ {1," + (-delta * 2) + "}", "");
        }

        private static String replaceValue(String line, String value) {
            int colon = line.indexOf(':');
            int dash = line.indexOf("- ");
            if (colon >= 0) {
                return line.substring(0, colon + 1) + " " + value;
            }
            return dash >= 0 ? line.substring(0, dash + 2) + value : value;
        }

        private static String replaceChar(String line, int b) {
            if (line.isEmpty()) {
                return ":";
            }
            char[] chars = line.toCharArray();
            chars[Math.floorMod(b, chars.length)] =
                    ODD_CHARS.charAt(Math.floorMod(b / 7, ODD_CHARS.length()));
            return new String(chars);
        }
    }

    @Property(tries = 3000)
    void mutatedSpecsYieldDiagnosticsNeverExceptions(@ForAll("mutatedSpecs") String yaml) {
        for (boolean strict : new boolean[] {false, true}) {
            ParseResult r = new ModuleSpecParser(strict).parse("fuzz.yaml", yaml);
            assertThat(r.diagnostics())
                    .allSatisfy(
                            d -> {
                                assertThat(d.line()).isPositive();
                                assertThat(d.message()).isNotBlank();
                                assertThat(d.file()).isEqualTo("fuzz.yaml");
                            });
            new SpecTranslator(TranslationOptions.defaults()).translate(r.components());
        }
    }

    @Provide
    Arbitrary<String> mutatedSpecs() {
        Arbitrary<String> base = Arbitraries.of(Fixtures.ALL).map(Fixtures::read);
        Arbitrary<Mutation> mutation =
                Combinators.combine(
                                Arbitraries.integers().between(0, 7),
                                Arbitraries.integers(),
                                Arbitraries.integers())
                        .as(Mutation::new);
        return Combinators.combine(base, mutation.list().ofMinSize(1).ofMaxSize(5))
                .as(
                        (text, mutations) -> {
                            List<String> lines = Arrays.asList(text.split("\n", -1));
                            for (Mutation m : mutations) {
                                lines = m.apply(lines);
                            }
                            return String.join("\n", lines);
                        });
    }
}
