package io.kinesisconnect.source.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.metrics.MBeanRegistrar;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.testkit.DocumentedMetrics;
import io.kinesisconnect.testkit.DocumentedMetrics.Metric;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The README's metric list is the source beans' attribute list, names and types alike. */
class MetricsDocumentationTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Test
    void theReadmeListsEveryAttributeOfTheSourceBeansAndNoOther() throws JMException {
        ShardRef shard = new ShardRef("orders", "shardId-000000000000");
        new SourceTaskMetrics("c", "0", () -> 0, 10, new MBeanRegistrar(server), System::nanoTime)
                .register(List.of(shard));

        assertThat(documented(SourceTaskMetrics.TASK_TYPE))
                .isEqualTo(attributes(SourceTaskMetrics.taskName("c", "0")));
        assertThat(documented(SourceTaskMetrics.SHARD_TYPE))
                .isEqualTo(attributes(SourceTaskMetrics.shardName("c", "0", shard)));
    }

    private static Map<String, String> documented(String beanType) {
        return DocumentedMetrics.ofBeanType(beanType).stream()
                .collect(
                        Collectors.toMap(
                                Metric::attribute, Metric::jmxType, (a, b) -> a, TreeMap::new));
    }

    private Map<String, String> attributes(ObjectName name) throws JMException {
        return Stream.of(server.getMBeanInfo(name).getAttributes())
                .collect(
                        Collectors.toMap(
                                MBeanAttributeInfo::getName,
                                MBeanAttributeInfo::getType,
                                (a, b) -> a,
                                TreeMap::new));
    }
}
