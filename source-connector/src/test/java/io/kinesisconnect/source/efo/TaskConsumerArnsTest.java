package io.kinesisconnect.source.efo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskConsumerArnsTest {

    private final List<String> lookups = new ArrayList<>();
    private final TaskConsumerArns arns =
            new TaskConsumerArns(
                    Map.of("orders", "arn:1", "refunds", "arn:r"),
                    stream -> {
                        lookups.add(stream);
                        return "arn:" + (lookups.size() + 1);
                    });

    @Test
    void theFirstReaderWithAStaleArnLooksItUpAndTheOthersGetItsAnswer() {
        String first = arns.renew("orders", "arn:1");
        String second = arns.renew("orders", "arn:1");

        assertThat(first).isEqualTo("arn:2");
        assertThat(second).isEqualTo("arn:2");
        assertThat(arns.current("orders")).isEqualTo("arn:2");
        assertThat(lookups).as("control-plane lookups").containsExactly("orders");
        assertThat(arns.current("refunds")).isEqualTo("arn:r");
    }

    @Test
    void theFreshArnGoingStaleAgainIsLookedUpAgain() {
        arns.renew("orders", "arn:1");
        String third = arns.renew("orders", "arn:2");

        assertThat(third).isEqualTo("arn:3");
        assertThat(lookups).containsExactly("orders", "orders");
    }

    @Test
    void aStreamThatWasNeverLookedUpIsAProgrammingErrorNamed() {
        assertThatThrownBy(() -> arns.current("payments"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payments");
    }
}
