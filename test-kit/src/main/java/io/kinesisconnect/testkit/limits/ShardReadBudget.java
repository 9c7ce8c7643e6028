package io.kinesisconnect.testkit.limits;

/**
 * The read budget of one shard, shared by every consumer: GetRecords calls per second, and bytes
 * per second charged after the response as a debt.
 *
 * <p>AWS cannot know how many bytes a GetRecords will return before it answers, so it lets one call
 * return up to 10 MiB and then refuses the shard's next calls until the byte budget has been
 * repaid: about five seconds after 10 MiB at 2 MiB/s.
 */
final class ShardReadBudget {

    private final TokenBucket calls;
    private final TokenBucket bytes;

    ShardReadBudget(KinesisLimits limits, long now) {
        this.calls = limits.bucket(Limit.READ_CALLS, now);
        this.bytes = limits.bucket(Limit.READ_BYTES, now);
    }

    /** Admits one GetRecords call unless the shard is in byte debt or out of calls. */
    boolean admitCall(long now) {
        return bytes.inCredit(now) && calls.tryTake(1, now);
    }

    /** Charges the bytes a GetRecords returned, possibly leaving the shard in debt. */
    void chargeBytes(long returned, long now) {
        bytes.charge(returned, now);
    }

    /** The byte balance now; negative while the shard is in debt. */
    double byteBalance(long now) {
        return bytes.balance(now);
    }
}
