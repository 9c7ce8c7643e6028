package io.kinesisconnect.sink.write.sdk;

import java.util.concurrent.atomic.AtomicLong;

/** What the SDK writer did, for logs, tests and benchmarks; safe to read from any thread. */
public final class SdkWriterStats {

    final AtomicLong calls = new AtomicLong();
    final AtomicLong entries = new AtomicLong();
    final AtomicLong userRecords = new AtomicLong();
    final AtomicLong failedEntries = new AtomicLong();
    final AtomicLong failedCalls = new AtomicLong();
    final AtomicLong mapRefreshes = new AtomicLong();
    final AtomicLong misplaced = new AtomicLong();
    final AtomicLong resent = new AtomicLong();

    /** PutRecords calls made, answered or not. */
    public long calls() {
        return calls.get();
    }

    /** PutRecords entries (aggregates and plain records) acknowledged. */
    public long entries() {
        return entries.get();
    }

    /** User records acknowledged. */
    public long userRecords() {
        return userRecords.get();
    }

    /** Entries that failed inside an answered call (throttled, internal failure). */
    public long failedEntries() {
        return failedEntries.get();
    }

    /** Whole PutRecords calls that failed (endpoint down, timeout, throttled call). */
    public long failedCalls() {
        return failedCalls.get();
    }

    /** Shard maps loaded, the first one included. */
    public long mapRefreshes() {
        return mapRefreshes.get();
    }

    /** User records put back to be sent again after a failed attempt, within their budget. */
    public long resent() {
        return resent.get();
    }

    /**
     * User records that landed, inside an aggregate built with an outdated map, in a shard whose
     * range does not hold their hash key. Range-checking readers (the KCL) drop them.
     */
    public long misplaced() {
        return misplaced.get();
    }

    @Override
    public String toString() {
        return "calls="
                + calls()
                + " entries="
                + entries()
                + " user_records="
                + userRecords()
                + " failed_entries="
                + failedEntries()
                + " failed_calls="
                + failedCalls()
                + " map_refreshes="
                + mapRefreshes()
                + " misplaced="
                + misplaced()
                + " resent="
                + resent();
    }
}
