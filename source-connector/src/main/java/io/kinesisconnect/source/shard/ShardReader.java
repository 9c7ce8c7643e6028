package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.IteratorPosition;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.kinesis.StreamProxy;
import io.kinesisconnect.source.offset.ShardOffset;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Reads one shard into the task's buffer, one step at a time. Each {@link #step()} does at most one
 * Kinesis call and says when it wants to run again, so a small thread pool serves many shards and
 * tests can drive a reader synchronously.
 *
 * <p>Resuming is exact: the reader remembers the last user record it handed over (sequence number
 * and position inside a KPL aggregate), re-reads from that Kinesis record after a restart or an
 * expired iterator, and skips what was already emitted.
 */
public final class ShardReader implements SteppedReader {

    private static final Logger log = LoggerFactory.getLogger(ShardReader.class);
    private static final Duration BUFFER_FULL_RETRY = ReadStart.BUFFER_FULL_RETRY;

    private final ShardRef shard;
    private final IteratorPosition initialPosition;
    private final StreamProxy proxy;
    private final ShardEmitter emitter;
    private final RecordBuffer buffer;
    private final ParentGate parents;
    private final ReaderSettings settings;
    private final ReaderStats stats;
    private final LongSupplier nanoTime;
    private final Backoff backoff;
    private final MissingShardCheck missingShard;

    private String iterator;
    private final ReadStart start;
    private boolean endOfShard;
    private boolean done;
    private long lastCallNanos;
    private boolean called;

    /**
     * @param stored the committed offset of this shard, if any; a finished one makes the reader
     *     done at once
     * @param initialPosition where to start when there is no stored offset
     */
    public ShardReader(
            ShardRef shard,
            Optional<ShardOffset> stored,
            IteratorPosition initialPosition,
            ReaderContext context) {
        this.shard = shard;
        this.initialPosition = initialPosition;
        this.proxy = context.proxy();
        this.missingShard = new MissingShardCheck(proxy);
        this.emitter = new ShardEmitter(shard, stored, context);
        this.buffer = context.buffer();
        this.parents = context.parents();
        this.settings = context.settings();
        this.stats = context.stats();
        this.nanoTime = context.nanoTime();
        this.backoff = ReadStart.backoff(settings);
        this.start = new ReadStart(shard, emitter, context);
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

    /**
     * Does the next piece of work.
     *
     * @return how long to wait before the next step, or empty when the shard is finished
     * @throws ConnectException when the shard cannot be read at all (missing stream, no access)
     */
    @Override
    public Optional<Duration> step() {
        if (done) {
            return Optional.empty();
        }
        Optional<Duration> wait = start.waitBeforeFetch("Reading", this::describePosition);
        if (wait.isPresent()) {
            return wait;
        }
        if (endOfShard) {
            return finish();
        }
        if (!buffer.hasRoom()) {
            return Optional.of(BUFFER_FULL_RETRY);
        }
        long sinceLastCall = nanoTime.getAsLong() - lastCallNanos;
        long minInterval = settings.minCallInterval().toNanos();
        if (called && sinceLastCall < minInterval) {
            return Optional.of(Duration.ofNanos(minInterval - sinceLastCall));
        }
        return read();
    }

    private Optional<Duration> read() {
        try {
            if (iterator == null) {
                iterator = proxy.shardIterator(shard.stream(), shard.shardId(), position());
                stats.iteratorObtained(shard);
            }
            lastCallNanos = nanoTime.getAsLong();
            called = true;
            GetRecordsResponse response = proxy.getRecords(iterator, settings.maxRecordsPerCall());
            backoff.reset();
            accept(response);
            if (!emitter.flush()) {
                return Optional.of(BUFFER_FULL_RETRY);
            }
            if (endOfShard) {
                return finish();
            }
            boolean atTip =
                    response.records().isEmpty()
                            && (response.millisBehindLatest() == null
                                    || response.millisBehindLatest() == 0);
            return Optional.of(atTip ? settings.idleBackoff() : untilNextCallAllowed());
        } catch (ExpiredIteratorException e) {
            log.info("Iterator expired for shard={}; resuming after {}", shard, describePosition());
            iterator = null;
            return Optional.of(Duration.ZERO);
        } catch (ResourceNotFoundException e) {
            return shardOrStreamMissing(e);
        } catch (KinesisException e) {
            return handleServiceError(e);
        } catch (SdkClientException e) {
            return transientError(e);
        }
    }

    /**
     * The rest of the least interval between calls, counted from the start of the last call: the
     * time the call and its records took is part of the interval, not added to it.
     */
    private Duration untilNextCallAllowed() {
        long sinceCall = nanoTime.getAsLong() - lastCallNanos;
        return Duration.ofNanos(Math.max(0, settings.minCallInterval().toNanos() - sinceCall));
    }

    private void accept(GetRecordsResponse response) {
        emitter.accept(response.records(), response.millisBehindLatest());
        iterator = response.nextShardIterator();
        if (iterator == null) {
            // A closed shard returns no next iterator once every record has been returned.
            endOfShard = true;
        }
    }

    /**
     * Hands over the finished marker, retrying until it is in the buffer; then the reader is done.
     */
    private Optional<Duration> finish() {
        if (!emitter.finish()) {
            return Optional.of(BUFFER_FULL_RETRY);
        }
        // The gate learns of the end only when Kafka acknowledges the marker (commitRecord), not
        // now: see ParentGate.endRecorded.
        done = true;
        stats.shardDone(shard);
        log.info("Shard finished shard={} last={}", shard, describePosition());
        return Optional.empty();
    }

    private IteratorPosition position() {
        return emitter.resumePosition(initialPosition);
    }

    /** See {@link MissingShardCheck}: only a shard gone from a fresh listing is finished. */
    private Optional<Duration> shardOrStreamMissing(ResourceNotFoundException e) {
        MissingShardCheck.Verdict verdict;
        try {
            verdict = missingShard.check(shard, e);
        } catch (KinesisException | SdkClientException check) {
            return transientError(check);
        }
        if (verdict == MissingShardCheck.Verdict.STILL_LISTED) {
            log.debug("ResourceNotFound for shard={} that is still listed; retrying", shard);
            return transientError(e);
        }
        endOfShard = true;
        return finish();
    }

    private Optional<Duration> handleServiceError(KinesisException e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        if (KinesisErrors.isThrottle(code)) {
            stats.throttled(shard);
            Duration wait = backoff.next();
            log.debug("Throttled shard={} code={} wait={}", shard, code, wait);
            return Optional.of(wait);
        }
        if (KinesisErrors.isFatal(e.statusCode(), code)) {
            throw new ConnectException(
                    "Cannot read shard " + shard + ": " + KinesisErrors.explain(code, e), e);
        }
        return transientError(e);
    }

    private Optional<Duration> transientError(RuntimeException e) {
        stats.transientError();
        // A fresh iterator after any transient failure: a damaged one would fail forever.
        iterator = null;
        Duration wait = backoff.next();
        if (backoff.failures() % 10 == 1) {
            log.warn(
                    "Transient error reading shard={} failures={} retryIn={} error={}",
                    shard,
                    backoff.failures(),
                    wait,
                    e.toString());
        }
        return Optional.of(wait);
    }

    private String describePosition() {
        return emitter.describePosition(initialPosition);
    }
}
