package io.kinesisconnect.sink.write.sdk;

import io.kinesisconnect.sink.write.WriteOutcome;
import io.kinesisconnect.sink.write.sdk.EntryPacker.Outgoing;
import io.kinesisconnect.sink.write.sdk.KinesisPutApi.PutEntry;
import io.kinesisconnect.sink.write.sdk.KinesisPutApi.PutResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK writer's engine, run by one sender thread: routes submitted records to shard lanes, and
 * each {@link #step()} makes at most one Kinesis call. Because a call is answered before the next
 * one is made, every shard has at most one entry in flight, and a failed entry goes back to the
 * head of its lane before anything later of that shard is sent. Tests drive it synchronously with a
 * fake API and a fake clock.
 */
final class SendLoop {

    private static final Logger log = LoggerFactory.getLogger(SendLoop.class);
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MIN_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final long GATHER_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long GATHER_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final String STOPPED =
            "not written: the SDK writer stopped after another record exhausted its retries";

    private final KinesisPutApi api;
    private final SdkWriterSettings settings;
    private final LongSupplier nanoClock;
    private final EntryPacker packer;
    private final SdkWriterStats stats;
    private final BlockingQueue<PendingUserRecord> incoming = new LinkedBlockingQueue<>();
    private final Map<String, StreamLanes> streams = new LinkedHashMap<>();
    private final List<Landing> landedElsewhere = new ArrayList<>();
    private volatile boolean stopped;
    private int cursor;

    /** An aggregate that landed in a shard other than predicted, checked once the map is new. */
    private record Landing(String stream, String shardId, List<PendingUserRecord> records) {}

    SendLoop(
            KinesisPutApi api,
            SdkWriterSettings settings,
            LongSupplier nanoClock,
            SdkWriterStats stats) {
        this.api = api;
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.packer = new EntryPacker(settings);
        this.stats = stats;
    }

    /** Takes a record from any thread; the sender thread routes it on its next step. */
    void submit(PendingUserRecord record) {
        incoming.add(record);
        if (stopped) {
            failWaiting(STOPPED);
        }
    }

    /**
     * Does the next piece of work: routes new records, loads shard maps that are missing or stale,
     * then makes at most one PutRecords call.
     *
     * @return nanoseconds until there may be work again (0: at once); new records end the wait
     */
    long step() {
        if (stopped) {
            return IDLE_NANOS;
        }
        for (PendingUserRecord r; (r = incoming.poll()) != null; ) {
            route(r);
        }
        long now = nanoClock.getAsLong();
        for (StreamLanes s : List.copyOf(streams.values())) {
            if (s.needsMap(now) && !stopped) {
                refresh(s, now);
            }
        }
        if (stopped) {
            return IDLE_NANOS;
        }
        List<StreamLanes> order = List.copyOf(streams.values());
        for (int i = 0; i < order.size(); i++) {
            StreamLanes s = order.get((cursor + i) % order.size());
            List<Outgoing> call = buildCall(s, now);
            if (!call.isEmpty()) {
                cursor = (cursor + i + 1) % order.size();
                send(s, call);
                return 0;
            }
        }
        return Math.max(MIN_WAIT_NANOS, nanosUntilWork(now));
    }

    /**
     * Waits up to {@code nanos} for a new record. When one comes, it goes on taking the records
     * that arrive, {@link #GATHER_GAP_NANOS} at a time, while each gap brings some, for at most
     * {@link #GATHER_MAX_NANOS} (and never past {@code nanos}).
     *
     * <p>A task hands records over in bursts (one put() of up to max.poll.records, again as soon as
     * acknowledgements free room under its outstanding bound). Sending at the first record of a
     * burst made a call of a few records, while the rest of the burst waited a whole round trip for
     * the next call. The sender parks between looks instead of polling the queue, which would wake
     * it for every record.
     */
    void awaitWork(long nanos) throws InterruptedException {
        long started = System.nanoTime();
        PendingUserRecord r = incoming.poll(nanos, TimeUnit.NANOSECONDS);
        if (r == null) {
            return;
        }
        route(r);
        long deadline = started + Math.min(nanos, GATHER_MAX_NANOS);
        while (deadline - System.nanoTime() > 0) {
            LockSupport.parkNanos(GATHER_GAP_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException("the sender was interrupted while gathering");
            }
            int gathered = 0;
            for (; (r = incoming.poll()) != null; gathered++) {
                route(r);
            }
            if (gathered == 0) {
                return;
            }
        }
    }

    private void route(PendingUserRecord record) {
        streams.computeIfAbsent(
                        record.record.stream(), s -> new StreamLanes(s, settings, nanoClock))
                .add(record);
    }

    private void refresh(StreamLanes s, long now) {
        ShardMap map;
        try {
            map = new ShardMap(api.listShards(s.stream));
            if (!map.complete()) {
                throw new IllegalStateException(
                        "the open shards do not cover the whole hash-key space (mid-reshard)");
            }
        } catch (RuntimeException e) {
            String reason = "ListShards for stream " + s.stream + " failed: " + e;
            log.warn("{}; retrying", reason);
            countFailures(s.refreshFailed(now), reason);
            return;
        }
        stats.mapRefreshes.incrementAndGet();
        s.install(map);
        log.info(
                "Shard map of stream={} loaded: open_shards={}", s.stream, map.openShards().size());
        countMisplaced(s);
    }

    /** Counts the user records of aggregates that landed where their hash key does not belong. */
    private void countMisplaced(StreamLanes s) {
        long misplaced = 0;
        for (Landing l : List.copyOf(landedElsewhere)) {
            if (!l.stream().equals(s.stream)) {
                continue;
            }
            landedElsewhere.remove(l);
            ShardRange range = s.map().range(l.shardId()).orElse(null);
            if (range == null) {
                log.warn(
                        "Shard {} of stream {} is not in ListShards' answer",
                        l.shardId(),
                        s.stream);
                continue;
            }
            misplaced += l.records().stream().filter(r -> !range.contains(r.hashKey)).count();
        }
        if (misplaced > 0) {
            stats.misplaced.addAndGet(misplaced);
            log.warn(
                    "Resharding: {} user records of stream={} landed, inside aggregates built with"
                            + " the old shard map, in a shard whose hash-key range does not hold"
                            + " their key; readers that check ranges (the KCL) drop them."
                            + " misplaced_total={}",
                    misplaced,
                    s.stream,
                    stats.misplaced());
        }
    }

    /** One entry per ready lane, up to the call's entry and byte limits. */
    private List<Outgoing> buildCall(StreamLanes s, long now) {
        List<Outgoing> call = new ArrayList<>();
        int bytesLeft = SdkWriterSettings.MAX_CALL_BYTES;
        if (s.map() == null) {
            return call;
        }
        for (ShardLane lane : s.lanes()) {
            if (call.size() >= SdkWriterSettings.MAX_CALL_ENTRIES) {
                break;
            }
            if (lane.ready(now)) {
                Outgoing o = packer.next(lane, bytesLeft);
                if (o != null) {
                    call.add(o);
                    bytesLeft -= o.size();
                }
            }
        }
        return call;
    }

    private void send(StreamLanes s, List<Outgoing> call) {
        stats.calls.incrementAndGet();
        List<PutEntry> entries = call.stream().map(Outgoing::entry).toList();
        List<PutResult> results;
        try {
            results = api.putRecords(s.stream, entries);
        } catch (RuntimeException e) {
            stats.failedCalls.incrementAndGet();
            String reason = "PutRecords failed: " + e;
            log.debug("{} stream={} entries={}", reason, s.stream, entries.size());
            if (Resharding.signals(e)) {
                s.markStale();
            }
            failAll(call, reason);
            return;
        }
        List<Outgoing> failed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < call.size(); i++) {
            PutResult r = results.get(i);
            if (r.written()) {
                written(s, call.get(i), r);
            } else {
                stats.failedEntries.incrementAndGet();
                failed.add(call.get(i));
                reasons.add(r.errorCode() + ": " + r.errorMessage());
            }
        }
        for (int i = 0; i < failed.size(); i++) {
            failAll(List.of(failed.get(i)), reasons.get(i));
        }
    }

    private void written(StreamLanes s, Outgoing o, PutResult r) {
        o.lane().succeeded();
        stats.entries.incrementAndGet();
        stats.userRecords.addAndGet(o.records().size());
        if (!r.shardId().equals(o.lane().range.shardId())) {
            log.info(
                    "A record of stream={} landed in shard={}, not the predicted shard={}:"
                            + " reloading the shard map",
                    s.stream,
                    r.shardId(),
                    o.lane().range.shardId());
            s.markStale();
            if (o.aggregated()) {
                landedElsewhere.add(new Landing(s.stream, r.shardId(), o.records()));
            }
        }
        WriteOutcome outcome = new WriteOutcome.Written(r.shardId(), r.sequenceNumber());
        o.records().forEach(u -> u.outcome.complete(outcome));
    }

    /** Puts the records of failed entries back at the heads of their lanes, within budget. */
    private void failAll(List<Outgoing> failed, String reason) {
        if (stopped) {
            return;
        }
        long now = nanoClock.getAsLong();
        for (Outgoing o : failed) {
            o.lane().failed(o.records(), now, settings.backoff());
        }
        for (Outgoing o : failed) {
            countFailures(o.records(), reason);
        }
    }

    /** Counts one failed attempt for each record; stops the writer when one is past budget. */
    private void countFailures(List<PendingUserRecord> records, String reason) {
        for (PendingUserRecord r : records) {
            r.failures++;
            if (r.failures > settings.maxRetries() && !stopped) {
                giveUp(r, reason);
            } else {
                stats.resent.incrementAndGet();
            }
        }
    }

    /**
     * Ends the writer: this record has failed more often than its budget allows. Everything queued
     * fails too, so no later record of its shard lands before it is written again.
     */
    private void giveUp(PendingUserRecord record, String reason) {
        stopped = true;
        log.error(
                "Giving up on a record of stream={} after {} failed attempts: {}",
                record.record.stream(),
                record.failures,
                reason);
        record.outcome.complete(
                new WriteOutcome.Failed(
                        false,
                        "gave up after "
                                + record.failures
                                + " failed attempts (kinesis.retries.max="
                                + settings.maxRetries()
                                + "); last error: "
                                + reason));
        failWaiting(STOPPED);
    }

    /** Stops the loop and fails every record it holds, as when the sender thread dies. */
    void stop(String reason) {
        stopped = true;
        failWaiting(reason);
    }

    private void failWaiting(String reason) {
        WriteOutcome failed = new WriteOutcome.Failed(false, reason);
        synchronized (this) {
            for (StreamLanes s : streams.values()) {
                s.drainAll().forEach(r -> r.outcome.complete(failed));
            }
        }
        for (PendingUserRecord r; (r = incoming.poll()) != null; ) {
            r.outcome.complete(failed);
        }
    }

    private long nanosUntilWork(long now) {
        long wait = IDLE_NANOS;
        for (StreamLanes s : streams.values()) {
            wait = Math.min(wait, s.nanosUntilRefresh(now));
            for (ShardLane lane : s.lanes()) {
                wait = Math.min(wait, lane.nanosUntilSendable(now));
            }
        }
        return wait;
    }

    boolean stopped() {
        return stopped;
    }
}
