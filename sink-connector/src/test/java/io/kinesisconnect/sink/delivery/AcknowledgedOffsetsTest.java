package io.kinesisconnect.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class AcknowledgedOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    private final AcknowledgedOffsets offsets = new AcknowledgedOffsets();

    @Test
    void nothingIsCommittableForAnUnknownPartition() {
        assertThat(offsets.committable(P0)).isEmpty();
    }

    @Test
    void anOutstandingRecordHoldsTheCommitAtItsOwnOffset() {
        offsets.received(P0, 10);
        assertThat(offsets.committable(P0)).contains(10L);
    }

    @Test
    void commitAdvancesOnlyOverContiguouslyAcknowledgedRecords() {
        for (long o = 10; o < 15; o++) {
            offsets.received(P0, o);
        }
        offsets.acknowledged(P0, 10);
        offsets.acknowledged(P0, 12);
        offsets.acknowledged(P0, 13);
        assertThat(offsets.committable(P0)).as("11 is outstanding").contains(11L);

        offsets.acknowledged(P0, 11);
        assertThat(offsets.committable(P0)).as("14 is outstanding").contains(14L);

        offsets.acknowledged(P0, 14);
        assertThat(offsets.committable(P0)).as("one past the last record").contains(15L);
    }

    @Test
    void aFailedRecordNeverLetsLaterAcknowledgementsCommitPastIt() {
        for (long o = 0; o < 100; o++) {
            offsets.received(P0, o);
            if (o != 42) {
                offsets.acknowledged(P0, o);
            }
        }
        assertThat(offsets.committable(P0)).contains(42L);
        assertThat(offsets.unacknowledged(P0)).isEqualTo(1);
    }

    @Test
    void partitionsAreIndependent() {
        offsets.received(P0, 5);
        offsets.received(P1, 7);
        offsets.acknowledged(P1, 7);
        assertThat(offsets.committable(P0)).contains(5L);
        assertThat(offsets.committable(P1)).contains(8L);
    }

    @Test
    void gapsInOffsetsAsInCompactedTopicsDoNotHoldTheCommit() {
        offsets.received(P0, 3);
        offsets.received(P0, 9);
        offsets.acknowledged(P0, 3);
        offsets.acknowledged(P0, 9);
        assertThat(offsets.committable(P0)).contains(10L);
    }

    @Test
    void aForgottenPartitionIgnoresLateAcknowledgements() {
        offsets.received(P0, 1);
        offsets.forget(P0);
        offsets.acknowledged(P0, 1);
        assertThat(offsets.committable(P0)).isEmpty();
        assertThat(offsets.unacknowledged(P0)).isZero();
    }
}
