package io.kinesisconnect.source.shard;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Keeps the first fatal error of the task's background readers, so that {@code poll()} can rethrow
 * it on the task thread, where Connect turns it into a FAILED task with the message.
 */
public final class FirstFailure {

    private final AtomicReference<ConnectException> failure = new AtomicReference<>();

    /** Records {@code error} unless an earlier one is already kept. */
    public void record(ConnectException error) {
        failure.compareAndSet(null, error);
    }

    /** Throws the kept error, if any. */
    public void throwIfFailed() {
        ConnectException error = failure.get();
        if (error != null) {
            throw error;
        }
    }

    public boolean failed() {
        return failure.get() != null;
    }
}
