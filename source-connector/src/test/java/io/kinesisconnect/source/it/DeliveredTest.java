package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The control for the resharding ITs' order check: it sees a child shard's records delivered before
 * the rest of its parent's, and does not mistake re-delivered duplicates for disorder.
 */
class DeliveredTest {

    /** k0's values 0-2 were written to the parent shard, 3-4 to its child after the split. */
    private static final List<String> PARENT = List.of("k0-0", "k0-1", "k0-2");

    private static final List<String> CHILD = List.of("k0-3", "k0-4");

    @Test
    void aChildReadBeforeItsParentFinishedIsCaught() {
        List<String> childFirst = new ArrayList<>();
        childFirst.add(PARENT.get(0));
        childFirst.addAll(CHILD);
        childFirst.addAll(PARENT.subList(1, 3));

        assertThat(delivered(childFirst).keysOutOfOrder())
                .containsExactly("k0: expected 1 but got 3", "k0: expected 5 but got 1");
    }

    @Test
    void parentThenChildIsInOrderEvenWithReDeliveredDuplicates() {
        List<String> inOrder = new ArrayList<>(PARENT);
        inOrder.addAll(CHILD);
        inOrder.addAll(PARENT.subList(1, 3));

        Delivered delivered = delivered(inOrder);

        assertThat(delivered.keysOutOfOrder()).isEmpty();
        assertThat(delivered.duplicates()).isEqualTo(2);
    }

    private static Delivered delivered(List<String> values) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (String value : values) {
            records.add(
                    new ConsumerRecord<>(
                            "topic",
                            0,
                            records.size(),
                            "k0".getBytes(StandardCharsets.UTF_8),
                            value.getBytes(StandardCharsets.UTF_8)));
        }
        return new Delivered(records);
    }
}
