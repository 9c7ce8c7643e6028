package io.kinesisconnect.testkit.limits;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides, call by call, what AWS would allow: per-shard write and read budgets, GetShardIterator
 * per shard, and the control-plane rates per stream or per account. Pure arithmetic over a {@link
 * Ticker}; it knows nothing of HTTP.
 *
 * <p>Budgets are created full the first time a shard or scope is seen. Thread-safe: the proxy's
 * handler threads share one limiter.
 */
public final class KinesisLimiter {

    /** The scope of the per-account control-plane limits. */
    public static final String ACCOUNT = "account";

    private final KinesisLimits limits;
    private final Ticker ticker;
    private final Map<ShardRef, ShardWriteBudget> writes = new HashMap<>();
    private final Map<ShardRef, ShardReadBudget> reads = new HashMap<>();
    private final Map<ShardRef, TokenBucket> iterators = new HashMap<>();
    private final Map<String, TokenBucket> control = new HashMap<>();

    public KinesisLimiter(KinesisLimits limits, Ticker ticker) {
        this.limits = limits;
        this.ticker = ticker;
    }

    public KinesisLimits limits() {
        return limits;
    }

    /**
     * Admits one record of {@code size} bytes (data plus partition key) to {@code shard}. A
     * KPL-aggregated record is one record of its full size: AWS does not look inside it.
     */
    public synchronized boolean admitWrite(ShardRef shard, long size) {
        long now = ticker.nanoTime();
        return writes.computeIfAbsent(shard, s -> new ShardWriteBudget(limits, now))
                .admit(size, now);
    }

    /** Admits one GetRecords call on {@code shard}; see {@link ShardReadBudget}. */
    public synchronized boolean admitGetRecords(ShardRef shard) {
        return readBudget(shard).admitCall(ticker.nanoTime());
    }

    /** Charges the bytes an admitted GetRecords returned from {@code shard}. */
    public synchronized void chargeRead(ShardRef shard, long bytes) {
        readBudget(shard).chargeBytes(bytes, ticker.nanoTime());
    }

    /** The read byte balance of {@code shard}: negative while it is in debt. */
    public synchronized double readByteBalance(ShardRef shard) {
        return readBudget(shard).byteBalance(ticker.nanoTime());
    }

    /** Admits one GetShardIterator call on {@code shard}. */
    public synchronized boolean admitGetShardIterator(ShardRef shard) {
        long now = ticker.nanoTime();
        return iterators
                .computeIfAbsent(shard, s -> limits.bucket(Limit.GET_SHARD_ITERATOR, now))
                .tryTake(1, now);
    }

    /**
     * Admits one control-plane call limited by {@code limit} within {@code scope}: the stream name
     * for ListShards, {@link #ACCOUNT} for the per-account limits.
     */
    public synchronized boolean admitControl(Limit limit, String scope) {
        long now = ticker.nanoTime();
        return control.computeIfAbsent(limit + "|" + scope, k -> limits.bucket(limit, now))
                .tryTake(1, now);
    }

    private ShardReadBudget readBudget(ShardRef shard) {
        long now = ticker.nanoTime();
        return reads.computeIfAbsent(shard, s -> new ShardReadBudget(limits, now));
    }
}
