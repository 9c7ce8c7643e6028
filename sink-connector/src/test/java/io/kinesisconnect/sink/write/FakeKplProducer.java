package io.kinesisconnect.sink.write;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.kinesis.producer.UserRecord;
import software.amazon.kinesis.producer.UserRecordResult;

/**
 * A hand-written {@link KplProducer}: hands out futures the test completes (or never completes, as
 * a destroyed KPL does), or refuses records after a gate opens, as a producer whose child died.
 */
final class FakeKplProducer implements KplProducer {

    private final List<SettableFuture<UserRecordResult>> futures = new ArrayList<>();
    private final CountDownLatch entered;
    private final CountDownLatch refuse;
    private boolean destroyed;

    /** A producer that accepts every record. */
    FakeKplProducer() {
        this(null, null);
    }

    /**
     * A producer that counts down {@code entered} in each addUserRecord, then waits for {@code
     * refuse} and throws, so that several threads fail on it at the same moment.
     */
    FakeKplProducer(CountDownLatch entered, CountDownLatch refuse) {
        this.entered = entered;
        this.refuse = refuse;
    }

    @Override
    public ListenableFuture<UserRecordResult> addUserRecord(UserRecord record) {
        if (refuse != null) {
            entered.countDown();
            try {
                if (!refuse.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the producer");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("The child process has been shutdown");
        }
        SettableFuture<UserRecordResult> future = SettableFuture.create();
        synchronized (this) {
            futures.add(future);
        }
        return future;
    }

    synchronized List<SettableFuture<UserRecordResult>> futures() {
        return List.copyOf(futures);
    }

    @Override
    public void flush() {}

    @Override
    public synchronized void destroy() {
        destroyed = true;
    }

    synchronized boolean destroyed() {
        return destroyed;
    }
}
