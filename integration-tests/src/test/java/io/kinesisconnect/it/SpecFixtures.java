package io.kinesisconnect.it;

import io.kinesisconnect.common.spec.EgressSpec;
import io.kinesisconnect.common.spec.ModuleSpecParser;
import io.kinesisconnect.common.spec.ParseResult;
import io.kinesisconnect.common.translate.SecretHandling;
import io.kinesisconnect.common.translate.SpecTranslator;
import io.kinesisconnect.common.translate.TranslationOptions;
import io.kinesisconnect.common.translate.TranslationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the StateFun module fixtures under {@code src/test/resources} and translates them. */
final class SpecFixtures {

    /** The topic every egress reads in {@link #translate}. */
    static final String EGRESS_TOPIC = "it-egress";

    private static final Pattern PLACEHOLDER = Pattern.compile("@[A-Z_]+@");

    private SpecFixtures() {}

    /** The fixture's text. */
    static String read(String name) {
        try (InputStream in = SpecFixtures.class.getResourceAsStream("/" + name)) {
            return new String(
                    Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses then translates one fixture, as {@code kinesis-connect translate} does; every egress
     * reads the topic {@link #EGRESS_TOPIC}, as if given with {@code --topics}.
     */
    static Translated translate(String name, Map<String, String> placeholders) {
        return translate(name, placeholders, true);
    }

    /**
     * Parses then translates one fixture without {@code --topics}: each egress reads the topics its
     * spec names in {@code x-kafka-connect.topics}.
     */
    static Translated translateWithSpecTopics(String name, Map<String, String> placeholders) {
        return translate(name, placeholders, false);
    }

    private static Translated translate(
            String name, Map<String, String> placeholders, boolean topicsOption) {
        ParseResult parsed =
                new ModuleSpecParser(false).parse(name, substitute(name, placeholders));
        Map<String, List<String>> egressTopics = new TreeMap<>();
        if (topicsOption) {
            parsed.components().stream()
                    .filter(c -> c instanceof EgressSpec)
                    .forEach(c -> egressTopics.put(c.id(), List.of(EGRESS_TOPIC)));
        }
        TranslationOptions options =
                new TranslationOptions(Optional.empty(), egressTopics, new SecretHandling.Inline());
        TranslationResult translated = new SpecTranslator(options).translate(parsed.components());
        return new Translated(parsed, translated);
    }

    /**
     * Writes the fixture to {@code dir} with each {@code @KEY@} placeholder replaced, and returns
     * the file; what the test cannot know in advance (the emulator's port, unique stream names) is
     * filled in this way.
     */
    static Path materialize(String name, Map<String, String> placeholders, Path dir) {
        Path file = dir.resolve(Path.of(name).getFileName());
        try {
            Files.writeString(file, substitute(name, placeholders), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The fixture's text with each {@code @KEY@} replaced; fails if one is left. */
    static String substitute(String name, Map<String, String> placeholders) {
        String text = read(name);
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            text = text.replace("@" + p.getKey() + "@", p.getValue());
        }
        Matcher left = PLACEHOLDER.matcher(text);
        if (left.find()) {
            throw new IllegalArgumentException(name + ": no value for " + left.group());
        }
        return text;
    }

    /** Every {@code .yaml} file under the resource folder {@code folder}, as resource names. */
    static List<String> list(String folder) {
        try {
            Path dir =
                    Path.of(
                            Objects.requireNonNull(SpecFixtures.class.getResource("/" + folder))
                                    .toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(f -> folder + "/" + f.getFileName())
                        .filter(n -> n.endsWith(".yaml"))
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixture's parse and translation results. */
    record Translated(ParseResult parsed, TranslationResult translation) {}
}
