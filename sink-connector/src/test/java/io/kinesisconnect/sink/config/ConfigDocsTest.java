package io.kinesisconnect.sink.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.docs.ConfigReference;
import java.io.IOException;
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
        if (Boolean.getBoolean("kc.docs.update")) {
            ConfigReference.update(readme, ConfigDocs.markdown());
        }
        assertThat(ConfigReference.embedded(readme))
                .as("README.md config reference; regenerate with -Dkc.docs.update=true")
                .isEqualTo(ConfigDocs.markdown());
    }
}
