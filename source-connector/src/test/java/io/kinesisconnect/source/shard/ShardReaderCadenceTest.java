package io.kinesisconnect.source.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.source.kinesis.IteratorPosition;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.kinesis.StreamProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * The least interval between GetRecords calls counts from the start of a call, like Kinesis'
 * five-calls-per-second limit: a slow call must not stretch a catching-up reader's cycle.
 */
class ShardReaderCadenceTest {

    private static final String STREAM = "orders";
    private static final ShardRef SHARD = new ShardRef(STREAM, "shard-0");
    private static final Duration MIN_INTERVAL = Duration.ofMillis(200);
    private static final Duration CALL_TAKES = Duration.ofMillis(150);

    private final AtomicLong clock = new AtomicLong();
    private final FakeStreamProxy kinesis = new FakeStreamProxy(STREAM).addShard("shard-0", null);
    private final List<Long> callStarts = new ArrayList<>();

    @Test
    void theCallsOwnDurationIsPartOfTheInterval() {
        for (int i = 0; i < 30; i++) {
            kinesis.put("shard-0", "key-" + i, ("v" + i).getBytes(StandardCharsets.UTF_8));
        }
        ShardReader reader = new ShardReader(SHARD, Optional.empty(), trimHorizon(), context(10));

        Optional<Duration> afterFirstCall = reader.step();
        assertThat(afterFirstCall).contains(MIN_INTERVAL.minus(CALL_TAKES));
        assertThat(reader.step())
                .as("asked again at once, it still waits for the rest of the interval")
                .contains(MIN_INTERVAL.minus(CALL_TAKES));
        assertThat(callStarts).hasSize(1);

        for (int i = 0; i < 2; i++) {
            clock.addAndGet(reader.step().orElseThrow().toNanos());
        }
        clock.addAndGet(reader.step().orElseThrow().toNanos());
        assertThat(callStarts).hasSize(3);
        for (int i = 1; i < callStarts.size(); i++) {
            assertThat(callStarts.get(i) - callStarts.get(i - 1))
                    .as("calls start exactly one interval apart, never closer")
                    .isEqualTo(MIN_INTERVAL.toNanos());
        }
    }

    private static IteratorPosition trimHorizon() {
        return new IteratorPosition.TrimHorizon();
    }

    private ReaderContext context(int maxPerCall) {
        return TestReaderContexts.context(
                new SlowCalls(),
                new RecordBuffer(1_000),
                TestReaderContexts.noParents(),
                TestReaderContexts.settings(maxPerCall, MIN_INTERVAL),
                new ReaderStats(),
                clock::get);
    }

    /** The fake Kinesis, with every GetRecords call taking {@link #CALL_TAKES} of fake time. */
    private final class SlowCalls implements StreamProxy {
        @Override
        public List<Shard> listShards(String stream) {
            return kinesis.listShards(stream);
        }

        @Override
        public boolean streamExists(String stream) {
            return kinesis.streamExists(stream);
        }

        @Override
        public String shardIterator(String stream, String shardId, IteratorPosition position) {
            return kinesis.shardIterator(stream, shardId, position);
        }

        @Override
        public GetRecordsResponse getRecords(String iterator, int limit) {
            callStarts.add(clock.get());
            clock.addAndGet(CALL_TAKES.toNanos());
            return kinesis.getRecords(iterator, limit);
        }

        @Override
        public void close() {}
    }
}
