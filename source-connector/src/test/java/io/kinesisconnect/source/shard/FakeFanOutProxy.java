package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.FanOutProxy;
import io.kinesisconnect.source.kinesis.IteratorPosition;
import io.kinesisconnect.source.kinesis.ShardSubscription;
import io.kinesisconnect.source.kinesis.SubscriptionSignal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;

/**
 * Enhanced fan-out over a {@link FakeStreamProxy}: a subscription starts where it is asked, and the
 * test pushes the shard's next records as one event with {@link Subscription#push}, ends it, or
 * fails it. Like Kinesis, it delivers events only as they are taken.
 */
final class FakeFanOutProxy implements FanOutProxy {

    private final FakeStreamProxy kinesis;
    final List<IteratorPosition> positions = new ArrayList<>();
    final List<String> consumerArns = new ArrayList<>();
    final List<Subscription> subscriptions = new ArrayList<>();
    private final Deque<Throwable> refusals = new ArrayDeque<>();

    FakeFanOutProxy(FakeStreamProxy kinesis) {
        this.kinesis = kinesis;
    }

    /** The next subscribe call is refused with {@code error}. */
    void refuseNext(Throwable error) {
        refusals.add(error);
    }

    @Override
    public ShardSubscription subscribe(
            String consumerArn, String shardId, IteratorPosition position) {
        positions.add(position);
        consumerArns.add(consumerArn);
        Subscription subscription = new Subscription(shardId, position);
        subscriptions.add(subscription);
        Throwable refusal = refusals.poll();
        if (refusal != null) {
            subscription.signals.add(new SubscriptionSignal.Failed(refusal));
        }
        return subscription;
    }

    Subscription current() {
        return subscriptions.get(subscriptions.size() - 1);
    }

    @Override
    public void close() {}

    final class Subscription implements ShardSubscription {
        private final Deque<SubscriptionSignal> signals = new ArrayDeque<>();
        private String iterator;
        boolean cancelled;
        int taken;

        /** Sequence numbers of every record pushed on this subscription. */
        final List<String> pushed = new ArrayList<>();

        private Subscription(String shardId, IteratorPosition position) {
            iterator = kinesis.shardIterator(kinesis.stream, shardId, position);
        }

        /**
         * Queues the shard's next records (up to {@code max}) as one event; the continuation is
         * null once a closed shard has nothing left, and with {@code childShards} the event is the
         * shard's last, as AWS sends it.
         */
        Subscription push(int max, List<ChildShard> childShards) {
            GetRecordsResponse response = kinesis.getRecords(iterator, max);
            iterator = response.nextShardIterator();
            response.records().forEach(r -> pushed.add(r.sequenceNumber()));
            String continuation =
                    response.records().isEmpty()
                            ? "0"
                            : response.records()
                                    .get(response.records().size() - 1)
                                    .sequenceNumber();
            signals.add(
                    new SubscriptionSignal.Event(
                            response.records(),
                            iterator == null ? null : continuation,
                            response.millisBehindLatest(),
                            childShards));
            return this;
        }

        Subscription push(int max) {
            return push(max, List.of());
        }

        /** Queues an event with no records that does not end the shard, as kinesis-mock sends. */
        void pushIdle() {
            signals.add(new SubscriptionSignal.Event(List.of(), "0", 0L, List.of()));
        }

        void end() {
            signals.add(new SubscriptionSignal.Ended());
        }

        void fail(Throwable error) {
            signals.add(new SubscriptionSignal.Failed(error));
        }

        int waiting() {
            return signals.size();
        }

        @Override
        public Optional<SubscriptionSignal> poll() {
            SubscriptionSignal next = signals.peek();
            if (next instanceof SubscriptionSignal.Event) {
                signals.poll();
                taken++;
            }
            return Optional.ofNullable(next);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
