package io.kinesisconnect.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.write.FakeRecordWriter;
import io.kinesisconnect.sink.write.KinesisRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KinesisSinkTaskTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    private final FakeRecordWriter writer = new FakeRecordWriter();
    private KinesisSinkTask task;
    private FakeSinkTaskContext context;

    private void start(boolean withReporter, String... keyValues) {
        context = new FakeSinkTaskContext(withReporter);
        context.assignment.addAll(List.of(P0, P1));
        task = new KinesisSinkTask((config, name) -> writer);
        task.initialize(context);
        Map<String, String> props = TestConfigs.props(keyValues);
        props.put(KinesisSinkConfig.FLUSH_TIMEOUT_CONFIG, "50");
        props.put(KinesisSinkConfig.PUT_MAX_WAIT_CONFIG, "20");
        task.start(props);
        task.open(context.assignment);
    }

    @AfterEach
    void stop() {
        if (task != null) {
            task.stop();
        }
    }

    private static SinkRecord record(int partition, long offset, Object key, Object value) {
        return new SinkRecord(
                "orders", partition, null, key, Schema.OPTIONAL_STRING_SCHEMA, value, offset);
    }

    private static List<SinkRecord> batch(int partition, long from, int count) {
        List<SinkRecord> records = new ArrayList<>();
        for (long o = from; o < from + count; o++) {
            records.add(record(partition, o, "key-" + o, "value-" + o));
        }
        return records;
    }

    private Map<TopicPartition, OffsetAndMetadata> preCommit() {
        Map<TopicPartition, OffsetAndMetadata> current = new HashMap<>();
        current.put(P0, new OffsetAndMetadata(1_000));
        current.put(P1, new OffsetAndMetadata(1_000));
        return task.preCommit(current);
    }

    @Test
    void writesEachRecordWithItsStreamKeyAndBytes() {
        start(false);
        task.put(List.of(record(0, 0, "customer-1", "hello")));
        KinesisRecord written = writer.calls().get(0).record();
        assertThat(written.stream()).isEqualTo("out");
        assertThat(written.partitionKey()).isEqualTo("customer-1");
        assertThat(written.explicitHashKey()).isNull();
        assertThat(new String(written.data())).isEqualTo("hello");
    }

    @Test
    void preCommitReturnsOnlyAcknowledgedContiguousOffsets() {
        start(false);
        task.put(batch(0, 0, 5));
        task.put(batch(1, 0, 2));
        assertThat(preCommit()).containsEntry(P0, new OffsetAndMetadata(0));
        writer.calls().get(0).succeed();
        writer.calls().get(1).succeed();
        writer.calls().get(3).succeed();
        writer.calls().get(5).succeed();
        writer.calls().get(6).succeed();
        assertThat(preCommit())
                .containsEntry(P0, new OffsetAndMetadata(2))
                .containsEntry(P1, new OffsetAndMetadata(2));
        assertThat(writer.flushes()).isPositive();
    }

    @Test
    void atTheOutstandingBoundTheTaskParksRecordsAndPausesItsPartitions() {
        start(false, KinesisSinkConfig.MAX_OUTSTANDING_CONFIG, "3");
        task.put(batch(0, 0, 10));
        assertThat(writer.calls()).as("never more than the bound in flight").hasSize(3);
        assertThat(context.paused).containsExactlyInAnyOrder(P0, P1);
        assertThat(context.timeout).isPositive();

        writer.succeedAll();
        task.put(List.of());
        assertThat(writer.calls()).hasSize(6);
        writer.succeedAll();
        task.put(List.of());
        writer.succeedAll();
        task.put(List.of());
        writer.succeedAll();
        task.put(List.of());
        assertThat(writer.calls()).hasSize(10);
        assertThat(context.paused).isEmpty();
        assertThat(preCommit()).containsEntry(P0, new OffsetAndMetadata(10));
    }

    @Test
    void aPartitionAssignedWhilePausedIsPausedTooAndResumedWithTheOthers() {
        TopicPartition p2 = new TopicPartition("orders", 2);
        start(false, KinesisSinkConfig.MAX_OUTSTANDING_CONFIG, "3");
        task.put(batch(0, 0, 10));
        assertThat(context.paused).containsExactlyInAnyOrder(P0, P1);

        rebalance(List.of(P1), List.of(p2));
        assertThat(context.paused)
                .as("a partition assigned during the outage must not feed the backlog")
                .containsExactlyInAnyOrder(P0, p2);

        for (int round = 0; round < 4; round++) {
            writer.succeedAll();
            task.put(List.of());
        }
        assertThat(writer.calls()).hasSize(10);
        assertThat(context.paused).as("all resumed, the new one included").isEmpty();
    }

    @Test
    void partitionsPausedBeforeARebalanceAndAssignedAgainAreResumedOnceNothingIsParked() {
        start(false, KinesisSinkConfig.MAX_OUTSTANDING_CONFIG, "3");
        task.put(batch(0, 0, 10));
        assertThat(context.paused).containsExactlyInAnyOrder(P0, P1);

        rebalance(List.of(P0, P1), List.of(P0, P1));
        assertThat(context.paused)
                .as("the parked records went with the closed partitions: nothing keeps them paused")
                .isEmpty();
        writer.succeedAll();
        task.put(batch(0, 0, 2));
        assertThat(writer.calls()).hasSize(5);
        assertThat(context.paused).isEmpty();
    }

    /**
     * What Connect's WorkerSinkTask does on a rebalance: close the revoked partitions, keep the
     * task's pauses of partitions it is assigned again (and re-pause them), then open the assigned.
     */
    private void rebalance(List<TopicPartition> revoked, List<TopicPartition> assigned) {
        task.close(revoked);
        context.assignment.removeAll(revoked);
        context.assignment.addAll(assigned);
        context.paused.retainAll(context.assignment);
        task.open(assigned);
    }

    @Test
    void theByteBoundParksRecordsToo() {
        start(false, KinesisSinkConfig.MAX_OUTSTANDING_BYTES_CONFIG, "16");
        task.put(batch(0, 0, 4));
        assertThat(writer.calls())
                .as("two values of 7 bytes fit in 16 bytes, a third does not")
                .hasSize(2);
        assertThat(context.paused).containsExactlyInAnyOrder(P0, P1);
        writer.succeedAll();
        task.put(List.of());
        assertThat(writer.calls()).hasSize(4);
    }

    @Test
    void permanentFailureWithoutReporterFailsTheTaskNamingTheRecord() {
        start(false);
        task.put(batch(0, 40, 3));
        writer.calls().get(1).failPermanently("Data must be less than or equal to 1048576 bytes");
        assertThatThrownBy(() -> task.put(List.of()))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("topic=orders partition=0 offset=41")
                .hasMessageContaining("1048576")
                .hasMessageContaining("errors.tolerance=all");
    }

    @Test
    void permanentFailureGoesToTheReporterAndItsOffsetIsThenCommitted() {
        start(true);
        task.put(batch(0, 0, 2));
        writer.calls().get(0).failPermanently("too big");
        writer.calls().get(1).succeed();
        task.put(List.of());
        assertThat(context.reported).extracting(SinkRecord::kafkaOffset).containsExactly(0L);
        assertThat(context.reportedErrors.get(0)).hasMessageContaining("too big");
        assertThat(preCommit()).containsEntry(P0, new OffsetAndMetadata(2));
    }

    @Test
    void recordsThatCannotBeMappedAreReportedWithoutBeingWritten() {
        start(true, KinesisSinkConfig.NULL_KEY_CONFIG, "fail");
        task.put(List.of(record(0, 0, null, "v"), record(0, 1, "k", "v")));
        assertThat(writer.calls()).hasSize(1);
        assertThat(context.reported).extracting(SinkRecord::kafkaOffset).containsExactly(0L);
    }

    @Test
    void tombstonesAreSkippedFailOrGoToTheDeadLetterQueueAsConfigured() {
        start(false);
        task.put(List.of(record(0, 0, "k", null)));
        assertThat(writer.calls()).isEmpty();
        assertThat(preCommit()).containsEntry(P0, new OffsetAndMetadata(1));
        task.stop();

        start(false, KinesisSinkConfig.TOMBSTONE_CONFIG, "fail");
        assertThatThrownBy(() -> task.put(List.of(record(0, 5, "k", null))))
                .hasMessageContaining("offset=5")
                .hasMessageContaining("tombstone");
        task.stop();

        start(true, KinesisSinkConfig.TOMBSTONE_CONFIG, "dlq");
        task.put(List.of(record(0, 9, "k", null)));
        task.put(List.of());
        assertThat(context.reported).extracting(SinkRecord::kafkaOffset).containsExactly(9L);
    }

    @Test
    void closingAPartitionDropsItsStateSoNothingIsCommittedForIt() {
        start(false);
        task.put(batch(0, 0, 2));
        task.close(List.of(P0));
        writer.succeedAll();
        assertThat(task.preCommit(Map.of(P0, new OffsetAndMetadata(2)))).isEmpty();
    }

    @Test
    void offsetsAreTrackedForTheOriginalPartitionWhenATransformRenamedTheTopic() {
        start(false);
        SinkRecord renamed =
                record(0, 0, "k", "v").newRecord("orders-renamed", 0, null, "k", null, "v", null);
        task.put(List.of(renamed));
        writer.succeedAll();
        assertThat(preCommit()).containsEntry(P0, new OffsetAndMetadata(1));
    }

    @Test
    void stopClosesTheWriter() {
        start(false);
        task.stop();
        assertThat(writer.closed()).isTrue();
        task = null;
    }
}
