package io.kinesisconnect.source.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.metrics.MBeanRegistrar;
import io.kinesisconnect.source.kinesis.IteratorPosition;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.metrics.SourceTaskMetrics;
import io.kinesisconnect.source.record.Deaggregator;
import io.kinesisconnect.source.record.RecordConverter;
import io.kinesisconnect.source.record.StreamRoutes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;

/** A real reader against the fake stream reports what it does to the shard's JMX bean. */
class ShardReaderMetricsTest {

    private static final String STREAM = "orders";
    private static final ShardRef SHARD = new ShardRef(STREAM, "shard-0");
    private static final ShardRef PARENT = new ShardRef(STREAM, "parent");

    private final FakeStreamProxy kinesis = new FakeStreamProxy(STREAM).addShard("shard-0", null);
    private final AtomicLong clock = new AtomicLong();
    private final RecordBuffer buffer = new RecordBuffer(1_000);
    private final Set<ShardRef> finishedParents = new HashSet<>();
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final SourceTaskMetrics metrics =
            new SourceTaskMetrics(
                    "c", "0", buffer::size, 1_000, new MBeanRegistrar(server), clock::get);
    private final ObjectName shardBean = SourceTaskMetrics.shardName("c", "0", SHARD);
    private final ObjectName taskBean = SourceTaskMetrics.taskName("c", "0");

    @Test
    void readsThrottlesAndIteratorRefreshesReachTheShardBean() throws JMException {
        finishedParents.add(PARENT);
        put(4);
        ShardReader reader = reader();
        metrics.register(List.of(SHARD));

        run(reader, 1);
        kinesis.failNext(ShardReaderMetricsTest::throttle);
        run(reader, 1);
        kinesis.failNext(() -> ExpiredIteratorException.builder().message("expired").build());
        put(3);
        run(reader, 4);

        assertThat(attribute(shardBean, "RecordsTotal")).isEqualTo(7L);
        assertThat(attribute(shardBean, "BytesTotal")).isEqualTo(7L * "value-0".length());
        assertThat(attribute(shardBean, "Throttles")).isEqualTo(1L);
        assertThat(attribute(shardBean, "IteratorRefreshes")).isEqualTo(1L);
        assertThat(attribute(shardBean, "GetRecordsCalls"))
                .isEqualTo((long) kinesis.getRecordsCalls - 2); // two calls failed
        assertThat(attribute(shardBean, "MillisBehindLatest")).isEqualTo(0L);
        assertThat(attribute(taskBean, "BufferedGroups")).isEqualTo(7);
    }

    @Test
    void millisBehindLatestIsTheLastAnswersFigure() throws JMException {
        finishedParents.add(PARENT);
        put(5);
        ShardReader reader = reader(2);
        metrics.register(List.of(SHARD));

        run(reader, 1);

        // the fake reports 1000 ms while records remain after the batch
        assertThat(attribute(shardBean, "MillisBehindLatest")).isEqualTo(1_000L);
    }

    @Test
    void aChildWaitsOnItsParentUntilTheGateOpens() throws JMException {
        put(1);
        ShardReader reader = reader();
        metrics.register(List.of(SHARD));

        run(reader, 2);
        assertThat(attribute(shardBean, "WaitingOnParents")).isEqualTo(true);
        assertThat(attribute(taskBean, "ShardsWaitingOnParents")).isEqualTo(1);

        finishedParents.add(PARENT);
        run(reader, 2);

        assertThat(attribute(shardBean, "WaitingOnParents")).isEqualTo(false);
        assertThat(attribute(taskBean, "ShardsWaitingOnParents")).isEqualTo(0);
        assertThat(attribute(shardBean, "RecordsTotal")).isEqualTo(1L);
    }

    @Test
    void aShardReadToItsEndLeavesTheTaskAndItsBeanGoes() throws JMException {
        finishedParents.add(PARENT);
        put(3);
        kinesis.close("shard-0");
        ShardReader reader = reader();
        metrics.register(List.of(SHARD));
        assertThat(server.isRegistered(shardBean)).isTrue();

        run(reader, 10);

        assertThat(reader.isDone()).isTrue();
        assertThat(server.isRegistered(shardBean)).isFalse();
        assertThat(attribute(taskBean, "ShardsOwned")).isEqualTo(0);
        assertThat(attribute(taskBean, "ShardsFinished")).isEqualTo(1L);
        assertThat(attribute(taskBean, "RecordsTotal")).isEqualTo(3L);
    }

    private ShardReader reader() {
        return reader(10_000);
    }

    private ShardReader reader(int maxPerCall) {
        ParentGate gate =
                new ParentGate() {
                    @Override
                    public boolean mayStart(ShardRef shard) {
                        return finishedParents.contains(PARENT);
                    }

                    @Override
                    public void endRecorded(ShardRef shard) {}
                };
        ReaderSettings settings =
                new ReaderSettings(
                        "c",
                        "markers",
                        maxPerCall,
                        Duration.ofMillis(200),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(5),
                        Duration.ofMillis(500));
        ReaderContext context =
                new ReaderContext(
                        kinesis,
                        new Deaggregator(true),
                        new RecordConverter(
                                new StreamRoutes(Map.of(STREAM, List.of("topic")), Map.of())),
                        buffer,
                        gate,
                        settings,
                        new ReaderStats(metrics),
                        clock::get);
        return new ShardReader(
                SHARD, Optional.empty(), new IteratorPosition.TrimHorizon(), context);
    }

    /** Steps the reader, advancing the fake clock by each requested delay. */
    private void run(ShardReader reader, int steps) {
        for (int i = 0; i < steps; i++) {
            Optional<Duration> next = reader.step();
            if (next.isEmpty()) {
                return;
            }
            clock.addAndGet(next.get().toNanos());
        }
    }

    private void put(int count) {
        for (int i = 0; i < count; i++) {
            kinesis.put("shard-0", "key-" + i, ("value-" + i).getBytes(StandardCharsets.UTF_8));
        }
    }

    private Object attribute(ObjectName name, String attribute) throws JMException {
        return server.getAttribute(name, attribute);
    }

    private static RuntimeException throttle() {
        return ProvisionedThroughputExceededException.builder()
                .awsErrorDetails(
                        AwsErrorDetails.builder()
                                .errorCode("ProvisionedThroughputExceededException")
                                .build())
                .statusCode(400)
                .build();
    }
}
