package io.kinesisconnect.common.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorNamesTest {
    @Test
    void derivesSafeNamesFromIds() {
        assertThat(ConnectorNames.derive("com.example/users", "source"))
                .isEqualTo("statefun-com-example-users-source");
        assertThat(ConnectorNames.derive("Com.Example//Out!", "sink"))
                .isEqualTo("statefun-com-example-out-sink");
        assertThat(ConnectorNames.derive("///", "sink")).isEqualTo("statefun-component-sink");
    }

    @Test
    void deduplicatesInInputOrderWithoutStealingOtherNames() {
        assertThat(ConnectorNames.deduplicate(List.of("a", "a", "a-2", "a")))
                .containsExactly("a", "a-3", "a-2", "a-4");
        assertThat(ConnectorNames.deduplicate(List.of("x", "y"))).containsExactly("x", "y");
    }
}
