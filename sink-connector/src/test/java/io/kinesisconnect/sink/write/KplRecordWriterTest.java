package io.kinesisconnect.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.kinesis.producer.UserRecordResult;

class KplRecordWriterTest {

    private static final KinesisRecord RECORD = new KinesisRecord("out", "k", null, new byte[] {1});
    private static final Duration LONG = Duration.ofMinutes(5);

    private final List<FakeKplProducer> built = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private KplRecordWriter writer(Duration deadline, FakeKplProducer... producers) {
        List<FakeKplProducer> queue = new ArrayList<>(List.of(producers));
        return new KplRecordWriter(
                () -> {
                    FakeKplProducer next =
                            queue.isEmpty() ? new FakeKplProducer() : queue.remove(0);
                    built.add(next);
                    return next;
                },
                deadline);
    }

    private static WriteOutcome outcome(CompletableFuture<WriteOutcome> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void twoThreadsFailingOnTheSameProducerReplaceItOnlyOnce() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch refuse = new CountDownLatch(1);
        KplRecordWriter writer = writer(LONG, new FakeKplProducer(entered, refuse));
        Future<CompletableFuture<WriteOutcome>> first = threads.submit(() -> writer.write(RECORD));
        Future<CompletableFuture<WriteOutcome>> second = threads.submit(() -> writer.write(RECORD));
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("both threads in the producer").isTrue();
        refuse.countDown();

        assertThat(outcome(first.get(10, TimeUnit.SECONDS)))
                .isEqualTo(outcome(second.get(10, TimeUnit.SECONDS)))
                .isInstanceOfSatisfying(
                        WriteOutcome.Failed.class, f -> assertThat(f.permanent()).isFalse());
        assertThat(built).as("the failed producer and one replacement").hasSize(2);
        assertThat(built.get(0).destroyed()).isTrue();
        assertThat(built.get(1).destroyed()).isFalse();
    }

    @Test
    void aRecordTheKplNeverAnswersFailsTransientlyAtItsDeadline() throws Exception {
        KplRecordWriter writer = writer(Duration.ofMillis(50));
        WriteOutcome outcome = outcome(writer.write(RECORD));
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        WriteOutcome.Failed.class,
                        f -> {
                            assertThat(f.permanent()).isFalse();
                            assertThat(f.reason()).contains("within 50 ms");
                        });
    }

    @Test
    void anAnswerBeforeTheDeadlineWinsAndOneAfterItIsIgnored() throws Exception {
        KplRecordWriter writer = writer(LONG);
        CompletableFuture<WriteOutcome> future = writer.write(RECORD);
        assertThat(future).isNotDone();
        built.get(0)
                .futures()
                .get(0)
                .set(new UserRecordResult(List.of(), "49590", "shardId-000000000001", true));
        assertThat(outcome(future))
                .isEqualTo(new WriteOutcome.Written("shardId-000000000001", "49590"));
    }

    @Test
    void aCancelledKplFutureIsATransientFailure() throws Exception {
        KplRecordWriter writer = writer(LONG);
        CompletableFuture<WriteOutcome> future = writer.write(RECORD);
        built.get(0).futures().get(0).cancel(false);
        assertThat(outcome(future))
                .isEqualTo(new WriteOutcome.Failed(false, "the KPL cancelled the record"));
    }

    @Test
    void afterCloseWritesFailTransientlyInsteadOfThrowing() throws Exception {
        KplRecordWriter writer = writer(LONG);
        writer.close();
        assertThat(outcome(writer.write(RECORD)))
                .isEqualTo(new WriteOutcome.Failed(false, "the writer is closed"));
        assertThat(built.get(0).destroyed()).isTrue();
    }
}
