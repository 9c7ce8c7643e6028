package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.FanOutProxy;
import io.kinesisconnect.source.kinesis.IteratorPosition;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.kinesis.ShardSubscription;
import io.kinesisconnect.source.kinesis.SubscriptionSignal;
import io.kinesisconnect.source.offset.ShardOffset;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Reads one shard through enhanced fan-out, one non-blocking step at a time, into the same {@link
 * ShardEmitter} path as polling. A step takes at most one pushed event; the subscription asks
 * Kinesis for more only as events are taken, and events are taken only while the task's buffer has
 * room, so a slow Kafka holds the stream still.
 *
 * <p>A subscription is renewed when Kinesis ends it, when it fails (a lost connection), and after
 * {@link FanOutSettings#maxSubscriptionAge()}. Every new subscription starts AT the last record
 * handed over, which the emitter skips: no gap and no duplicate, also in the middle of a KPL
 * aggregate. SubscribeToShard runs at most once per {@link FanOutSettings#minSubscribeInterval()}.
 */
public final class FanOutShardReader implements SteppedReader {

    private static final Logger log = LoggerFactory.getLogger(FanOutShardReader.class);
    private static final Duration BUFFER_FULL_RETRY = ReadStart.BUFFER_FULL_RETRY;

    /** How often a step looks for a pushed event; Kinesis pushes about every 200 ms or more. */
    static final Duration EVENT_CHECK = Duration.ofMillis(25);

    private final ShardRef shard;
    private final IteratorPosition initialPosition;
    private final FanOutProxy fanOut;
    private final ConsumerArns consumers;
    private final MissingShardCheck missingShard;
    private final ShardEmitter emitter;
    private final ClosedShardProbe probe;
    private final RecordBuffer buffer;
    private final ParentGate parents;
    private final ReaderSettings settings;
    private final FanOutSettings fanOutSettings;
    private final ReaderStats stats;
    private final LongSupplier nanoTime;
    private final Backoff backoff;

    private String consumerArn;
    private ShardSubscription subscription;
    private long subscribedNanos;
    private long lastProbeNanos;
    private int subscriptions;
    private final ReadStart start;
    private boolean endOfShard;
    private boolean done;

    /**
     * @param stored the committed offset of this shard, if any; a finished one makes the reader
     *     done at once
     * @param initialPosition where to start when there is no stored offset
     * @param consumers the registered consumers' ARNs, looked up again when Kinesis no longer knows
     *     one
     */
    public FanOutShardReader(
            ShardRef shard,
            Optional<ShardOffset> stored,
            IteratorPosition initialPosition,
            ReaderContext context,
            FanOutProxy fanOut,
            ConsumerArns consumers,
            FanOutSettings fanOutSettings) {
        this.shard = shard;
        this.initialPosition = initialPosition;
        this.fanOut = fanOut;
        this.consumers = consumers;
        this.consumerArn = consumers.current(shard.stream());
        this.missingShard = new MissingShardCheck(context.proxy());
        this.emitter = new ShardEmitter(shard, stored, context);
        this.probe = new ClosedShardProbe(context.proxy());
        this.buffer = context.buffer();
        this.parents = context.parents();
        this.settings = context.settings();
        this.fanOutSettings = fanOutSettings;
        this.stats = context.stats();
        this.nanoTime = context.nanoTime();
        this.backoff = ReadStart.backoff(settings);
        this.start = new ReadStart(shard, emitter, context);
        this.lastProbeNanos = nanoTime.getAsLong();
        this.done = ReadStart.alreadyFinished(shard, stored, parents);
    }

    @Override
    public ShardRef shard() {
        return shard;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public Optional<Duration> step() {
        if (done) {
            return Optional.empty();
        }
        Optional<Duration> wait = start.waitBeforeFetch("Subscribing to", this::describePosition);
        if (wait.isPresent()) {
            return wait;
        }
        if (endOfShard) {
            return finish();
        }
        if (subscription == null) {
            return subscribe();
        }
        if (age().compareTo(fanOutSettings.maxSubscriptionAge()) >= 0) {
            log.debug("Renewing the subscription of shard={} after {}", shard, age());
            return renew(Duration.ZERO);
        }
        if (!buffer.hasRoom()) {
            return Optional.of(BUFFER_FULL_RETRY);
        }
        return subscription.poll().map(this::handle).orElse(Optional.of(EVENT_CHECK));
    }

    private Optional<Duration> subscribe() {
        Duration sinceLast = Duration.ofNanos(nanoTime.getAsLong() - subscribedNanos);
        if (subscriptions > 0 && sinceLast.compareTo(fanOutSettings.minSubscribeInterval()) < 0) {
            return Optional.of(fanOutSettings.minSubscribeInterval().minus(sinceLast));
        }
        subscribedNanos = nanoTime.getAsLong();
        subscription = fanOut.subscribe(consumerArn, shard.shardId(), position());
        stats.subscribed(shard, subscriptions > 0);
        subscriptions++;
        return Optional.of(Duration.ZERO);
    }

    private Optional<Duration> handle(SubscriptionSignal signal) {
        if (signal instanceof SubscriptionSignal.Event event) {
            return accept(event);
        }
        if (signal instanceof SubscriptionSignal.Failed failed) {
            return failed(failed.error());
        }
        log.debug("Subscription of shard={} ended after {}; renewing", shard, age());
        return renew(Duration.ZERO);
    }

    private Optional<Duration> accept(SubscriptionSignal.Event event) {
        backoff.reset();
        emitter.accept(event.records(), event.millisBehindLatest());
        if (event.endsShard() || (event.records().isEmpty() && closedAndReadToEnd())) {
            endOfShard = true;
            closeSubscription();
        }
        if (!emitter.flush()) {
            return Optional.of(BUFFER_FULL_RETRY);
        }
        return endOfShard ? finish() : Optional.of(Duration.ZERO);
    }

    /** At most once per closed-check interval, and only on an idle subscription. */
    private boolean closedAndReadToEnd() {
        long now = nanoTime.getAsLong();
        if (now - lastProbeNanos < fanOutSettings.closedCheckInterval().toNanos()) {
            return false;
        }
        lastProbeNanos = now;
        try {
            return probe.readToEnd(shard, emitter.afterLast(initialPosition));
        } catch (SdkException e) {
            log.debug("Could not check whether shard={} is closed: {}", shard, e.toString());
            return false;
        }
    }

    private Optional<Duration> failed(Throwable error) {
        if (error instanceof ResourceNotFoundException e) {
            return notFound(e);
        }
        if (error instanceof KinesisException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if (KinesisErrors.isFatal(e.statusCode(), code)) {
                throw new ConnectException(
                        "Cannot subscribe to shard "
                                + shard
                                + ": "
                                + KinesisErrors.explain(code, e)
                                + "; enhanced fan-out also needs kinesis:SubscribeToShard and"
                                + " kinesis:DescribeStreamConsumer",
                        e);
            }
            if (KinesisErrors.isThrottle(code) || error instanceof ResourceInUseException) {
                // ResourceInUse: the previous subscription is not closed on Kinesis' side yet.
                stats.throttled(shard);
                return renew(backoff.next());
            }
        }
        return retryLater(error);
    }

    /**
     * The stream, the shard or the consumer is not found. A stream that is gone fails the task, and
     * a shard gone from the listing expired (see {@link MissingShardCheck}); when both are there,
     * the consumer's ARN went stale: it was deregistered, and perhaps registered again under a new
     * one.
     */
    private Optional<Duration> notFound(ResourceNotFoundException e) {
        MissingShardCheck.Verdict verdict;
        try {
            verdict = missingShard.check(shard, e);
        } catch (SdkException check) {
            return retryLater(check);
        }
        if (verdict == MissingShardCheck.Verdict.EXPIRED) {
            endOfShard = true;
            closeSubscription();
            return finish();
        }
        String renewed = consumers.renew(shard.stream(), consumerArn);
        if (renewed.equals(consumerArn)) {
            return retryLater(e);
        }
        log.info(
                "EFO consumer of shard={} was registered again; subscribing with consumer={}",
                shard,
                renewed);
        consumerArn = renewed;
        return renew(Duration.ZERO);
    }

    private Optional<Duration> retryLater(Throwable error) {
        stats.transientError();
        Duration wait = backoff.next();
        if (backoff.failures() % 10 == 1) {
            log.warn(
                    "Subscription of shard={} failed failures={} resubscribeIn={} error={}",
                    shard,
                    backoff.failures(),
                    wait,
                    error.toString());
        }
        return renew(wait);
    }

    /** Drops the subscription; the next step subscribes again, within the call-rate limit. */
    private Optional<Duration> renew(Duration wait) {
        closeSubscription();
        return Optional.of(wait);
    }

    private void closeSubscription() {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
    }

    private Optional<Duration> finish() {
        if (!emitter.finish()) {
            return Optional.of(BUFFER_FULL_RETRY);
        }
        // The gate learns of the end only when Kafka acknowledges the marker (commitRecord), not
        // now: see ParentGate.endRecorded.
        done = true;
        stats.shardDone(shard);
        log.info(
                "Shard finished shard={} last={} subscriptions={}",
                shard,
                describePosition(),
                subscriptions);
        return Optional.empty();
    }

    private Duration age() {
        return Duration.ofNanos(nanoTime.getAsLong() - subscribedNanos);
    }

    private IteratorPosition position() {
        return emitter.resumePosition(initialPosition);
    }

    private String describePosition() {
        return emitter.describePosition(initialPosition);
    }

    @Override
    public void close() {
        closeSubscription();
    }
}
