package io.kinesisconnect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration reference is the ConfigDef's: regenerate it with {@code mvn test
 * -Dtest=ConfigDocsTest -Dkc.docs.update=true}.
 */
class ConfigDocsTest {

    @Test
    void readmeConfigReferenceIsGeneratedFromTheConfigDef() throws IOException {
        Path readme = Path.of(System.getProperty("basedir", ".")).resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(ConfigDocs.BEGIN);
        int end = text.indexOf(ConfigDocs.END);
        assertThat(begin).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = text.substring(begin + ConfigDocs.BEGIN.length(), end);
        String generated = ConfigDocs.markdown();
        if (Boolean.getBoolean("kc.docs.update")) {
            Files.writeString(
                    readme,
                    text.substring(0, begin + ConfigDocs.BEGIN.length())
                            + generated
                            + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(current)
                .as("README.md config reference; regenerate with -Dkc.docs.update=true")
                .isEqualTo(generated);
    }
}
