package io.kinesisconnect.source.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kinesisconnect.common.metrics.JmxNames;
import io.kinesisconnect.common.metrics.MBeanRegistrar;
import io.kinesisconnect.source.kinesis.ShardRef;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The beans as a JMX client sees them, through a private MBean server and a fake clock. */
class SourceTaskMetricsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final ShardRef SHARD_0 = new ShardRef("orders", "shardId-000000000000");
    private static final ShardRef SHARD_1 = new ShardRef("orders", "shardId-000000000001");

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final AtomicLong clock = new AtomicLong(5 * SECOND);
    private final AtomicInteger buffered = new AtomicInteger();

    private SourceTaskMetrics metrics(String connector) {
        return new SourceTaskMetrics(
                connector, "3", buffered::get, 500, new MBeanRegistrar(server), clock::get);
    }

    @Test
    void shardFiguresMoveAsTheReaderReports() throws JMException {
        SourceTaskMetrics metrics = metrics("orders-source");
        metrics.register(List.of(SHARD_0, SHARD_1));
        ObjectName shard0 = SourceTaskMetrics.shardName("orders-source", "3", SHARD_0);

        assertThat(attribute(shard0, "MillisBehindLatest")).isEqualTo(-1L);
        assertThat(attribute(shard0, "WaitingOnParents")).isEqualTo(true);

        metrics.shardReading(SHARD_0);
        metrics.iteratorObtained(SHARD_0);
        for (int s = 0; s < 10; s++) {
            metrics.getRecords(SHARD_0, 100, 10_000, 60_000L - s * 1_000L);
            clock.addAndGet(SECOND);
        }
        metrics.throttled(SHARD_0);
        metrics.throttled(SHARD_0);
        metrics.iteratorObtained(SHARD_0);

        assertThat(attribute(shard0, "WaitingOnParents")).isEqualTo(false);
        assertThat(attribute(shard0, "MillisBehindLatest")).isEqualTo(51_000L);
        assertThat(attribute(shard0, "RecordsTotal")).isEqualTo(1_000L);
        assertThat(attribute(shard0, "BytesTotal")).isEqualTo(100_000L);
        assertThat(attribute(shard0, "GetRecordsCalls")).isEqualTo(10L);
        assertThat(attribute(shard0, "Throttles")).isEqualTo(2L);
        assertThat(attribute(shard0, "IteratorRefreshes")).isEqualTo(1L);
        assertThat((double) attribute(shard0, "RecordsPerSecond")).isCloseTo(100.0, within(5.0));
        assertThat((double) attribute(shard0, "BytesPerSecond")).isCloseTo(10_000.0, within(500.0));

        // The other shard saw none of it.
        ObjectName shard1 = SourceTaskMetrics.shardName("orders-source", "3", SHARD_1);
        assertThat(attribute(shard1, "RecordsTotal")).isEqualTo(0L);
        assertThat(attribute(shard1, "Throttles")).isEqualTo(0L);
    }

    @Test
    void theRateFallsToZeroWhenTheShardGoesQuiet() throws JMException {
        SourceTaskMetrics metrics = metrics("c");
        metrics.register(List.of(SHARD_0));
        metrics.getRecords(SHARD_0, 500, 5_000, 0L);
        ObjectName shard0 = SourceTaskMetrics.shardName("c", "3", SHARD_0);
        assertThat((double) attribute(shard0, "RecordsPerSecond")).isPositive();

        clock.addAndGet(31 * SECOND);

        assertThat(attribute(shard0, "RecordsPerSecond")).isEqualTo(0.0);
        assertThat(attribute(shard0, "RecordsTotal")).isEqualTo(500L);
    }

    @Test
    void taskFiguresSumTheShardsAndKeepCountingAfterOneFinishes() throws JMException {
        SourceTaskMetrics metrics = metrics("orders-source");
        metrics.register(List.of(SHARD_0, SHARD_1));
        ObjectName task = SourceTaskMetrics.taskName("orders-source", "3");

        assertThat(attribute(task, "ShardsOwned")).isEqualTo(2);
        assertThat(attribute(task, "ShardsWaitingOnParents")).isEqualTo(2);
        assertThat(attribute(task, "MaxMillisBehindLatest")).isEqualTo(-1L);

        metrics.shardReading(SHARD_0);
        metrics.getRecords(SHARD_0, 7, 70, 9_000L);
        metrics.getRecords(SHARD_0, 3, 30, 0L);
        metrics.throttled(SHARD_0);
        metrics.transientError();
        buffered.set(42);

        assertThat(attribute(task, "ShardsWaitingOnParents")).isEqualTo(1);
        assertThat(attribute(task, "MaxMillisBehindLatest")).isEqualTo(0L);
        assertThat(attribute(task, "BufferedGroups")).isEqualTo(42);
        assertThat(attribute(task, "BufferCapacity")).isEqualTo(500);

        metrics.shardFinished(SHARD_0);
        metrics.shardReading(SHARD_1);
        metrics.getRecords(SHARD_1, 5, 50, 1_234L);

        assertThat(attribute(task, "ShardsOwned")).isEqualTo(1);
        assertThat(attribute(task, "ShardsWaitingOnParents")).isEqualTo(0);
        assertThat(attribute(task, "ShardsFinished")).isEqualTo(1L);
        assertThat(attribute(task, "MaxMillisBehindLatest")).isEqualTo(1_234L);
        assertThat(attribute(task, "RecordsTotal")).isEqualTo(15L);
        assertThat(attribute(task, "BytesTotal")).isEqualTo(150L);
        assertThat(attribute(task, "GetRecordsCalls")).isEqualTo(3L);
        assertThat(attribute(task, "Throttles")).isEqualTo(1L);
        assertThat(attribute(task, "TransientErrors")).isEqualTo(1L);
    }

    @Test
    void aFinishedShardsBeanDisappearsAndLateEventsDoNotBringItBack() {
        SourceTaskMetrics metrics = metrics("c");
        metrics.register(List.of(SHARD_0, SHARD_1));
        ObjectName shard0 = SourceTaskMetrics.shardName("c", "3", SHARD_0);
        ObjectName shard1 = SourceTaskMetrics.shardName("c", "3", SHARD_1);
        assertThat(server.isRegistered(shard0)).isTrue();

        metrics.shardFinished(SHARD_0);
        metrics.getRecords(SHARD_0, 1, 1, 0L);
        metrics.throttled(SHARD_0);

        assertThat(server.isRegistered(shard0)).isFalse();
        assertThat(server.isRegistered(shard1)).isTrue();
    }

    @Test
    void closeRemovesTheTaskBeanAndEveryShardBean() throws Exception {
        SourceTaskMetrics metrics = metrics("c");
        metrics.register(List.of(SHARD_0, SHARD_1));
        assertThat(server.queryNames(JmxNames.pattern(SourceTaskMetrics.SHARD_TYPE), null))
                .hasSize(2);

        metrics.close();

        assertThat(server.queryNames(new ObjectName(JmxNames.DOMAIN + ":*"), null)).isEmpty();
    }

    @Test
    void aRestartedTaskReplacesItsStaleBeans() throws JMException {
        metrics("c").register(List.of(SHARD_0)); // never closed, as after a crash
        SourceTaskMetrics restarted = metrics("c");

        restarted.register(List.of(SHARD_0));
        restarted.getRecords(SHARD_0, 9, 9, 0L);

        assertThat(attribute(SourceTaskMetrics.shardName("c", "3", SHARD_0), "RecordsTotal"))
                .isEqualTo(9L);
        assertThat(attribute(SourceTaskMetrics.taskName("c", "3"), "RecordsTotal")).isEqualTo(9L);
    }

    @Test
    void namesAreQuotedOnlyWhereObjectNameNeedsIt() throws JMException {
        SourceTaskMetrics metrics = metrics("team,a:orders");
        ShardRef shard = new ShardRef("my-stream.v2", "shardId-000000000007");
        metrics.register(List.of(shard));

        ObjectName expected =
                new ObjectName(
                        "io.kinesisconnect:type=kinesis-source-shard,connector=\"team,a:orders\","
                                + "task=3,stream=my-stream.v2,shard=shardId-000000000007");
        assertThat(server.isRegistered(expected)).isTrue();
        assertThat(expected.getKeyPropertyListString())
                .isEqualTo(
                        SourceTaskMetrics.shardName("team,a:orders", "3", shard)
                                .getKeyPropertyListString());
        assertThat(
                        server.isRegistered(
                                new ObjectName(
                                        "io.kinesisconnect:type=kinesis-source-task,"
                                                + "connector=\"team,a:orders\",task=3")))
                .isTrue();
    }

    private Object attribute(ObjectName name, String attribute) throws JMException {
        return server.getAttribute(name, attribute);
    }
}
