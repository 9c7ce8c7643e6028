package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.kinesis.StreamProxy;
import io.kinesisconnect.source.record.Deaggregator;
import io.kinesisconnect.source.record.RecordConverter;
import io.kinesisconnect.source.record.StreamRoutes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/** The shard readers' tests' one way to build a reader context: stream "orders" into "topic". */
final class TestReaderContexts {

    static final String STREAM = "orders";

    private TestReaderContexts() {}

    /** Reader settings with the tests' timings, and the given records per call and interval. */
    static ReaderSettings settings(int maxPerCall, Duration minInterval) {
        return new ReaderSettings(
                "test",
                "markers",
                maxPerCall,
                minInterval,
                Duration.ofSeconds(1),
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                Duration.ofMillis(500));
    }

    /** A parent gate that lets a shard start when {@code mayStart} says so and records nothing. */
    static ParentGate gate(Predicate<ShardRef> mayStart) {
        return new ParentGate() {
            @Override
            public boolean mayStart(ShardRef shard) {
                return mayStart.test(shard);
            }

            @Override
            public void endRecorded(ShardRef shard) {}
        };
    }

    /** A gate that lets every shard start at once. */
    static ParentGate noParents() {
        return gate(shard -> true);
    }

    static ReaderContext context(
            StreamProxy proxy,
            RecordBuffer buffer,
            ParentGate parents,
            ReaderSettings settings,
            ReaderStats stats,
            LongSupplier nanoTime) {
        return new ReaderContext(
                proxy,
                new Deaggregator(true),
                new RecordConverter(new StreamRoutes(Map.of(STREAM, List.of("topic")), Map.of())),
                buffer,
                parents,
                settings,
                stats,
                nanoTime);
    }
}
