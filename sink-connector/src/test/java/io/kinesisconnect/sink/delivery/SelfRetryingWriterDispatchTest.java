package io.kinesisconnect.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.common.retry.ExponentialBackoff;
import io.kinesisconnect.sink.write.FakeRecordWriter;
import io.kinesisconnect.sink.write.KinesisRecord;
import io.kinesisconnect.sink.write.KinesisRecordWriter;
import io.kinesisconnect.sink.write.WriteOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/**
 * A writer that retries on its own (the SDK writer) reports a transient failure only when its
 * budget is spent: the dispatcher fails the task naming the record and never re-sends it, which
 * would land it behind later records of its shard.
 */
class SelfRetryingWriterDispatchTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);

    private final FakeRecordWriter fake = new FakeRecordWriter();
    private final List<Runnable> scheduled = new ArrayList<>();

    private final KinesisRecordWriter selfRetrying =
            new KinesisRecordWriter() {
                @Override
                public CompletableFuture<WriteOutcome> write(KinesisRecord record) {
                    return fake.write(record);
                }

                @Override
                public boolean retriesInternally() {
                    return true;
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

    @Test
    void aTransientFailureEndsTheTaskWithoutAReSendAndPinsTheCommit() throws Exception {
        RecordDispatcher dispatcher =
                new RecordDispatcher(
                        selfRetrying,
                        (task, delay) -> scheduled.add(task),
                        10,
                        Long.MAX_VALUE,
                        5,
                        ExponentialBackoff.withJitter(
                                Duration.ofMillis(10), Duration.ofMillis(10 * 10)),
                        new TaskStats());
        dispatcher.open(P0);
        for (long offset = 4; offset <= 6; offset++) {
            SinkRecord record = new SinkRecord("orders", 0, null, "k", null, "v", offset);
            dispatcher.received(record);
            dispatcher.submit(record, new KinesisRecord("out", "k", null, new byte[] {1}));
        }
        fake.calls().get(0).succeed();
        fake.calls().get(1).failTransiently("gave up after 6 failed attempts");
        fake.calls().get(2).failTransiently("not written: the SDK writer stopped");

        assertThat(scheduled).as("no re-send scheduled").isEmpty();
        assertThat(fake.calls()).hasSize(3);
        assertThatThrownBy(dispatcher::throwIfFailed)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("topic=orders partition=0 offset=5")
                .hasMessageContaining("gave up after 6 failed attempts");
        assertThat(dispatcher.committable(Set.of(P0))).containsEntry(P0, new OffsetAndMetadata(5));
    }
}
