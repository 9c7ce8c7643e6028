package io.kinesisconnect.source.kinesis;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEvent;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEventStream;

/**
 * Bridges the SDK's reactive event stream to {@link ShardSubscription#poll()}: it asks Kinesis for
 * {@link #PREFETCH} events up front and for one more each time the reader takes one, so at most
 * that many events wait here whatever the pace of the reader.
 */
final class SdkShardSubscription
        implements ShardSubscription, Subscriber<SubscribeToShardEventStream> {

    /** Events asked for ahead of the reader: one in hand, one on the way. */
    static final int PREFETCH = 2;

    private final BlockingQueue<SubscriptionSignal.Event> events =
            new ArrayBlockingQueue<>(PREFETCH);
    private volatile Subscription subscription;
    private volatile SubscriptionSignal terminal;
    private volatile boolean cancelled;

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
            return;
        }
        s.request(PREFETCH);
    }

    @Override
    public void onNext(SubscribeToShardEventStream item) {
        if (item instanceof SubscribeToShardEvent event) {
            boolean queued =
                    events.offer(
                            new SubscriptionSignal.Event(
                                    event.records(),
                                    event.continuationSequenceNumber(),
                                    event.millisBehindLatest(),
                                    event.childShards()));
            if (!queued) {
                // More events than requested would break the reactive-streams contract. Dropping
                // one would leave a gap; failing makes the reader resubscribe from its last record.
                end(
                        new SubscriptionSignal.Failed(
                                new IllegalStateException(
                                        "SubscribeToShard delivered more events than requested")));
            }
        } else if (subscription != null) {
            // Not an event the reader needs: ask for another in its place.
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable t) {
        end(new SubscriptionSignal.Failed(unwrap(t)));
    }

    @Override
    public void onComplete() {
        end(new SubscriptionSignal.Ended());
    }

    /** Also watches the call itself: a refused SubscribeToShard fails it before any stream. */
    void watch(CompletableFuture<Void> call) {
        call.whenComplete(
                (ignored, error) ->
                        end(
                                error == null
                                        ? new SubscriptionSignal.Ended()
                                        : new SubscriptionSignal.Failed(unwrap(error))));
    }

    private synchronized void end(SubscriptionSignal signal) {
        if (terminal == null) {
            terminal = signal;
        }
    }

    @Override
    public Optional<SubscriptionSignal> poll() {
        SubscriptionSignal.Event event = events.poll();
        if (event != null) {
            Subscription s = subscription;
            if (s != null && !cancelled) {
                s.request(1);
            }
            return Optional.of(event);
        }
        // Events that arrived before the end are delivered first.
        return Optional.ofNullable(terminal);
    }

    @Override
    public void cancel() {
        cancelled = true;
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        end(new SubscriptionSignal.Ended());
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
