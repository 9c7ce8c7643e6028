package io.kinesisconnect.source.metrics;

import io.kinesisconnect.common.metrics.RecentRate;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** The figures a shard and a task both keep: totals, and recent rates of records and bytes. */
final class Throughput {

    /** How far back the per-second rates look. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(30);

    private final LongAdder records = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder throttles = new LongAdder();
    private final LongAdder iteratorRefreshes = new LongAdder();
    private final RecentRate recordRate;
    private final RecentRate byteRate;

    Throughput(LongSupplier nanoTime) {
        this.recordRate = new RecentRate(RATE_WINDOW, nanoTime);
        this.byteRate = new RecentRate(RATE_WINDOW, nanoTime);
    }

    void getRecords(int recordCount, long byteCount) {
        calls.increment();
        records.add(recordCount);
        bytes.add(byteCount);
        recordRate.add(recordCount);
        byteRate.add(byteCount);
    }

    void throttled() {
        throttles.increment();
    }

    void iteratorRefreshed() {
        iteratorRefreshes.increment();
    }

    double recordsPerSecond() {
        return recordRate.perSecond();
    }

    double bytesPerSecond() {
        return byteRate.perSecond();
    }

    long records() {
        return records.sum();
    }

    long bytes() {
        return bytes.sum();
    }

    long calls() {
        return calls.sum();
    }

    long throttles() {
        return throttles.sum();
    }

    long iteratorRefreshes() {
        return iteratorRefreshes.sum();
    }
}
