package io.kinesisconnect.source.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class RecordBufferTest {

    @Test
    void keepsTheCopiesOfOneUserRecordInTheSamePoll() throws InterruptedException {
        RecordBuffer buffer = new RecordBuffer(10);
        buffer.offer(List.of(group("a", 2), group("b", 2), group("c", 2)));

        List<SourceRecord> first = buffer.drain(3, Duration.ZERO);

        assertThat(first).extracting(SourceRecord::key).containsExactly("a", "a", "b", "b");
        assertThat(buffer.drain(3, Duration.ZERO))
                .extracting(SourceRecord::key)
                .containsExactly("c", "c");
    }

    @Test
    void offersInOrderUntilFullAndReportsHowManyFit() {
        RecordBuffer buffer = new RecordBuffer(2);

        int added = buffer.offer(List.of(group("a", 1), group("b", 1), group("c", 1)));

        assertThat(added).isEqualTo(2);
        assertThat(buffer.hasRoom()).isFalse();
    }

    @Test
    void drainReturnsNothingWhenEmptyAfterWaiting() throws InterruptedException {
        assertThat(new RecordBuffer(1).drain(10, Duration.ofMillis(10))).isEmpty();
    }

    private static List<SourceRecord> group(String key, int copies) {
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "t", null, key, null, null);
        return java.util.Collections.nCopies(copies, record);
    }
}
