package io.kinesisconnect.source.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.offset.ShardOffset;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class OffsetParentGateTest {

    private static final String STREAM = "orders";
    private static final Duration LISTING_MAX_AGE = Duration.ofSeconds(10);

    private final FakeStreamProxy kinesis = new FakeStreamProxy(STREAM);
    private final Map<ShardRef, ShardOffset> committed = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();

    @Test
    void aMergedChildWaitsForBothParents() {
        kinesis.addShard("p0", null).addShard("p1", null).addMergedShard("child", "p0", "p1");
        kinesis.close("p0");
        kinesis.close("p1");
        OffsetParentGate gate = gate(this::readCommitted);

        committed.put(ref("p0"), ShardOffset.finished("10", 0));
        boolean oneParentDone = gate.mayStart(ref("child"));
        committed.put(ref("p1"), ShardOffset.finished("20", 0));
        boolean bothDone = gate.mayStart(ref("child"));

        assertThat(oneParentDone).isFalse();
        assertThat(bothDone).isTrue();
    }

    @Test
    void aParentOfAnotherTaskCountsOnlyWhenItsCommittedOffsetSaysFinished() {
        kinesis.addShard("parent", null).addShard("child", "parent");
        kinesis.close("parent");
        OffsetParentGate gate = gate(this::readCommitted);

        boolean nothingCommitted = gate.mayStart(ref("child"));
        committed.put(ref("parent"), new ShardOffset("10", 0, false));
        boolean midway = gate.mayStart(ref("child"));
        gate.endRecorded(ref("unrelated"));
        boolean afterAnUnrelatedEnd = gate.mayStart(ref("child"));
        committed.put(ref("parent"), ShardOffset.finished("10", 0));
        boolean committedFinished = gate.mayStart(ref("child"));

        assertThat(nothingCommitted).isFalse();
        assertThat(midway).isFalse();
        assertThat(afterAnUnrelatedEnd).isFalse();
        assertThat(committedFinished).isTrue();
    }

    @Test
    void aParentWhoseEndThisTaskRecordedNeedsNoOffsetRead() {
        kinesis.addShard("parent", null).addShard("child", "parent");
        OffsetParentGate gate =
                gate(
                        shard -> {
                            throw new AssertionError("no offset read expected for " + shard);
                        });

        gate.endRecorded(ref("parent"));

        assertThat(gate.mayStart(ref("child"))).isTrue();
    }

    @Test
    void aParentGoneFromTheListingIsConfirmedByAFreshListingThenNotAwaited() {
        kinesis.addShard("child", "expired-parent");
        OffsetParentGate gate = gate(this::readCommitted);

        boolean mayStart = gate.mayStart(ref("child"));

        assertThat(mayStart).isTrue();
        assertThat(kinesis.listCalls)
                .as("cached listing, then a fresh one to confirm")
                .isEqualTo(2);
    }

    @Test
    void aNewChildMissingFromAStaleCachedListingIsFoundByListingAgain() {
        kinesis.addShard("parent", null);
        OffsetParentGate gate = gate(this::readCommitted);
        assertThat(gate.mayStart(ref("parent"))).isTrue();

        kinesis.addShard("child", "parent");
        kinesis.close("parent");
        committed.put(ref("parent"), ShardOffset.finished("10", 0));
        boolean childMayStart = gate.mayStart(ref("child"));

        assertThat(childMayStart).isTrue();
        assertThat(kinesis.listCalls).as("one cached listing, one fresh").isEqualTo(2);
    }

    @Test
    void aShardNotListedEvenFreshlyWaits() {
        kinesis.addShard("parent", null);
        OffsetParentGate gate = gate(this::readCommitted);

        assertThat(gate.mayStart(ref("not-yet-listed"))).isFalse();
    }

    @Test
    void anOffsetReadFailureMeansNotYetAndIsRetried() {
        kinesis.addShard("parent", null).addShard("child", "parent");
        kinesis.close("parent");
        committed.put(ref("parent"), ShardOffset.finished("10", 0));
        int[] reads = {0};
        OffsetParentGate gate =
                gate(
                        shard -> {
                            if (reads[0]++ == 0) {
                                throw new ConnectException("offset store unavailable");
                            }
                            return readCommitted(shard);
                        });

        boolean whileFailing = gate.mayStart(ref("child"));
        boolean afterRecovery = gate.mayStart(ref("child"));

        assertThat(whileFailing).isFalse();
        assertThat(afterRecovery).isTrue();
        assertThat(reads[0]).isEqualTo(2);
    }

    @Test
    void aListingFailureMeansNotYet() {
        kinesis.addShard("parent", null).addShard("child", "parent");
        OffsetParentGate gate = gate(this::readCommitted);
        kinesis.failNext(() -> SdkClientException.create("connection reset"));

        assertThat(gate.mayStart(ref("child"))).isFalse();
    }

    /**
     * One reader stuck in a slow offset read does not hold up another reader's decision: the gate
     * holds no lock around its I/O.
     */
    @Test
    void aSlowOffsetReadDoesNotBlockOtherReaders() throws Exception {
        kinesis.addShard("slow-parent", null).addShard("slow-child", "slow-parent");
        kinesis.addShard("parent", null).addShard("child", "parent");
        committed.put(ref("parent"), ShardOffset.finished("10", 0));
        CountDownLatch inSlowRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OffsetParentGate gate =
                gate(
                        shard -> {
                            if (shard.equals(ref("slow-parent"))) {
                                inSlowRead.countDown();
                                await(release);
                            }
                            return readCommitted(shard);
                        });
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> slow = other.submit(() -> gate.mayStart(ref("slow-child")));
            assertThat(inSlowRead.await(5, TimeUnit.SECONDS)).isTrue();

            boolean fast =
                    assertTimeoutPreemptively(
                            Duration.ofSeconds(2), () -> gate.mayStart(ref("child")));

            release.countDown();
            assertThat(fast).isTrue();
            assertThat(slow.get(5, TimeUnit.SECONDS)).isFalse();
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    private OffsetParentGate gate(Function<ShardRef, Optional<ShardOffset>> offsets) {
        return new OffsetParentGate(kinesis, offsets, LISTING_MAX_AGE, clock::get);
    }

    private Optional<ShardOffset> readCommitted(ShardRef shard) {
        return Optional.ofNullable(committed.get(shard));
    }

    private static ShardRef ref(String shardId) {
        return new ShardRef(STREAM, shardId);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
