package io.kinesisconnect.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.common.retry.ExponentialBackoff;
import io.kinesisconnect.sink.write.FakeRecordWriter;
import io.kinesisconnect.sink.write.KinesisRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordDispatcherTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final long MAX_BYTES = 100;

    private final FakeRecordWriter writer = new FakeRecordWriter();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final TaskStats stats = new TaskStats();
    private RecordDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        dispatcher =
                new RecordDispatcher(
                        writer,
                        (task, delay) -> scheduled.add(task),
                        3,
                        MAX_BYTES,
                        2,
                        ExponentialBackoff.withJitter(
                                Duration.ofMillis(10), Duration.ofMillis(10 * 10)),
                        stats);
        dispatcher.open(P0);
    }

    private SinkRecord submit(long offset) throws InterruptedException {
        return submit(offset, 1);
    }

    private SinkRecord submit(long offset, int bytes) throws InterruptedException {
        SinkRecord record = new SinkRecord("orders", 0, null, "k", null, "v", offset);
        dispatcher.received(record);
        assertThat(dispatcher.awaitCapacity(bytes, Duration.ZERO)).isTrue();
        dispatcher.submit(record, new KinesisRecord("out", "k", null, new byte[bytes]));
        return record;
    }

    private void runScheduled() {
        List<Runnable> now = new ArrayList<>(scheduled);
        scheduled.clear();
        now.forEach(Runnable::run);
    }

    private Map<TopicPartition, OffsetAndMetadata> committable() {
        return dispatcher.committable(Set.of(P0));
    }

    @Test
    void commitsOnlyUpToTheFirstUnacknowledgedRecord() throws Exception {
        submit(0);
        submit(1);
        submit(2);
        writer.calls().get(0).succeed();
        writer.calls().get(2).succeed();
        assertThat(committable()).containsEntry(P0, new OffsetAndMetadata(1));
        writer.calls().get(1).succeed();
        assertThat(committable()).containsEntry(P0, new OffsetAndMetadata(3));
        assertThat(stats.getRecordsWritten()).isEqualTo(3);
    }

    @Test
    void theOutstandingBoundIsNeverExceeded() throws Exception {
        submit(0);
        submit(1);
        submit(2);
        assertThat(dispatcher.awaitCapacity(1, Duration.ofMillis(20))).isFalse();
        assertThat(stats.getMaxOutstandingRecords()).isEqualTo(3);
        writer.calls().get(0).succeed();
        assertThat(dispatcher.awaitCapacity(1, Duration.ZERO)).isTrue();
    }

    @Test
    void theOutstandingByteBoundHoldsBackRecordsBeforeTheRecordBound() throws Exception {
        submit(0, 60);
        assertThat(dispatcher.awaitCapacity(41, Duration.ofMillis(20)))
                .as("60 + 41 bytes is over the 100 byte bound")
                .isFalse();
        assertThat(dispatcher.awaitCapacity(40, Duration.ZERO)).isTrue();
        submit(1, 40);
        assertThat(stats.getOutstandingBytes()).isEqualTo(100);
        writer.calls().get(0).succeed();
        assertThat(stats.getOutstandingBytes()).isEqualTo(40);
        assertThat(stats.getMaxOutstandingBytes()).isEqualTo(100);
    }

    @Test
    void aRecordLargerThanTheByteBoundIsWrittenAloneRatherThanNever() throws Exception {
        submit(0, 1);
        assertThat(dispatcher.awaitCapacity(500, Duration.ofMillis(20))).isFalse();
        writer.succeedAll();
        submit(1, 500);
        assertThat(dispatcher.awaitCapacity(1, Duration.ofMillis(20)))
                .as("nothing joins an oversized record")
                .isFalse();
        writer.succeedAll();
        assertThat(dispatcher.awaitCapacity(1, Duration.ZERO)).isTrue();
        assertThat(stats.getOutstandingBytes()).isZero();
    }

    @Test
    void transientFailuresAreWrittenAgainAndHoldTheCommitUntilAcknowledged() throws Exception {
        submit(0);
        writer.calls().get(0).failTransiently("Expired");
        assertThat(committable()).containsEntry(P0, new OffsetAndMetadata(0));
        assertThat(dispatcher.outstanding())
                .as("a record waiting for its retry counts")
                .isEqualTo(1);
        runScheduled();
        assertThat(writer.calls()).hasSize(2);
        writer.calls().get(1).succeed();
        assertThat(committable()).containsEntry(P0, new OffsetAndMetadata(1));
        assertThat(stats.getRetries()).isEqualTo(1);
    }

    @Test
    void pastTheRetryBudgetTheTaskFailsNamingTheRecord() throws Exception {
        submit(7);
        for (int attempt = 0; attempt < 3; attempt++) {
            writer.pending().get(0).failTransiently("ProvisionedThroughputExceededException");
            runScheduled();
        }
        assertThatThrownBy(dispatcher::throwIfFailed)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("topic=orders partition=0 offset=7")
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("ProvisionedThroughputExceededException");
        assertThat(committable()).containsEntry(P0, new OffsetAndMetadata(7));
    }

    @Test
    void permanentFailuresAreSetAsideAndCommitOnlyOnceHandled() throws Exception {
        submit(0);
        writer.calls().get(0).failPermanently("too big");
        List<PermanentFailure> failures = dispatcher.drainPermanentFailures();
        assertThat(failures)
                .singleElement()
                .extracting(PermanentFailure::reason)
                .isEqualTo("too big");
        assertThat(committable()).containsEntry(P0, new OffsetAndMetadata(0));
        dispatcher.done(failures.get(0));
        assertThat(committable()).containsEntry(P0, new OffsetAndMetadata(1));
    }

    @Test
    void outcomesOfARevokedPartitionAreIgnored() throws Exception {
        submit(0);
        dispatcher.close(P0);
        dispatcher.open(P0);
        writer.calls().get(0).succeed();
        assertThat(committable()).isEmpty();
        assertThat(dispatcher.outstanding()).isZero();
    }

    @Test
    void awaitDoneFlushesAndWaitsForTheRecordsAlreadySubmitted() throws Exception {
        submit(0);
        assertThat(dispatcher.awaitDone(Set.of(P0), Duration.ofMillis(20))).isFalse();
        assertThat(writer.flushes()).isEqualTo(1);
        writer.succeedAll();
        assertThat(dispatcher.awaitDone(Set.of(P0), Duration.ZERO)).isTrue();
    }
}
