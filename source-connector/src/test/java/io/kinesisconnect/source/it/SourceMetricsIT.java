package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.metrics.JmxNames;
import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.LandedRecord;
import io.kinesisconnect.processes.StreamContents;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.source.metrics.SourceTaskMetrics;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The source's beans in a real worker: the embedded Connect cluster runs in this JVM, so its tasks
 * register on the platform MBean server the test reads.
 */
class SourceMetricsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String CONNECTOR = "metrics-it";
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(1);

    @Test
    void perShardBeansCountWhatEachShardHoldsAndGoWithTheConnector() throws JMException {
        String stream = KINESIS.streams().create("metrics", 2);
        new StreamWriter(KINESIS.client()).putAll(stream, new KeyedRecords(40).next(400));
        StreamContents written = KINESIS.reader().readAll(stream);
        Map<String, Long> recordsByShard = new TreeMap<>(written.countByShard());
        Map<String, Long> bytesByShard =
                written.records().stream()
                        .collect(
                                Collectors.groupingBy(
                                        LandedRecord::shardId,
                                        TreeMap::new,
                                        Collectors.summingLong(r -> r.data().length)));
        assertThat(recordsByShard).as("both shards hold records").hasSize(2);

        Map<String, String> config =
                SourceTestConfigs.forEmulator(KINESIS.emulator(), CONNECTOR, List.of(stream), 2);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        CONNECT.cluster().putConnectorConfig(CONNECTOR, config).requireSuccess("create");
        CONNECT.cluster().awaitRunning(CONNECTOR, 2, TIMEOUT);

        Await.until(
                "every shard bean counts its shard's records",
                TIMEOUT,
                () -> recordsByShard.equals(shardFigures(stream, "RecordsTotal")));
        assertThat(shardFigures(stream, "BytesTotal")).isEqualTo(bytesByShard);
        Map<String, Long> behind = shardFigures(stream, "MillisBehindLatest");
        assertThat(behind.keySet()).isEqualTo(recordsByShard.keySet());
        assertThat(behind.values()).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(0L));
        assertThat(shardFigures(stream, "GetRecordsCalls").values())
                .allSatisfy(calls -> assertThat(calls).isPositive());
        long recordsOfTasks = 0;
        long shardsOfTasks = 0;
        for (String task : List.of("0", "1")) {
            ObjectName taskBean = SourceTaskMetrics.taskName(CONNECTOR, task);
            recordsOfTasks += (Long) SERVER.getAttribute(taskBean, "RecordsTotal");
            shardsOfTasks += (Integer) SERVER.getAttribute(taskBean, "ShardsOwned");
        }
        assertThat(recordsOfTasks).isEqualTo(written.size());
        assertThat(shardsOfTasks).isEqualTo(2);

        CONNECT.cluster().delete(CONNECTOR).requireSuccess("delete");

        Await.until("the connector's beans are gone", TIMEOUT, () -> connectorBeans().isEmpty());
    }

    /** A figure of each shard bean of the stream, by shard id. */
    private static Map<String, Long> shardFigures(String stream, String attribute) {
        Map<String, Long> figures = new TreeMap<>();
        for (ObjectName bean :
                SERVER.queryNames(JmxNames.pattern(SourceTaskMetrics.SHARD_TYPE), null)) {
            if (CONNECTOR.equals(bean.getKeyProperty("connector"))
                    && stream.equals(bean.getKeyProperty("stream"))) {
                try {
                    figures.put(
                            bean.getKeyProperty("shard"),
                            ((Number) SERVER.getAttribute(bean, attribute)).longValue());
                } catch (JMException ignored) {
                    // the bean went between the query and the read: the next poll sees the truth
                }
            }
        }
        return figures;
    }

    private static Set<ObjectName> connectorBeans() {
        try {
            return SERVER.queryNames(
                    new ObjectName(JmxNames.DOMAIN + ":connector=" + CONNECTOR + ",*"), null);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
