package io.kinesisconnect.sink.write;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A hand-written {@link KinesisRecordWriter}: remembers every write and lets the test complete it
 * with any outcome, in any order.
 */
public final class FakeRecordWriter implements KinesisRecordWriter {

    /** One write the test has not completed yet. */
    public record Call(KinesisRecord record, CompletableFuture<WriteOutcome> future) {
        public void succeed() {
            future.complete(new WriteOutcome.Written("shardId-000000000000", "1"));
        }

        public void failTransiently(String reason) {
            future.complete(new WriteOutcome.Failed(false, reason));
        }

        public void failPermanently(String reason) {
            future.complete(new WriteOutcome.Failed(true, reason));
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private int flushes;
    private boolean closed;

    @Override
    public synchronized CompletableFuture<WriteOutcome> write(KinesisRecord record) {
        CompletableFuture<WriteOutcome> future = new CompletableFuture<>();
        calls.add(new Call(record, future));
        return future;
    }

    /** Every write so far, completed or not, in order. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The writes not completed yet, in order. */
    public synchronized List<Call> pending() {
        return calls.stream().filter(c -> !c.future().isDone()).toList();
    }

    /** Completes every pending write successfully. */
    public void succeedAll() {
        pending().forEach(Call::succeed);
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    public synchronized int flushes() {
        return flushes;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    public synchronized boolean closed() {
        return closed;
    }
}
