package io.kinesisconnect.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.testkit.DocumentedMetrics;
import io.kinesisconnect.testkit.DocumentedMetrics.Metric;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The sink's bean: named like the source's, replaced on restart, listed in the README. */
class MetricsRegistrationTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void namesAreQuotedOnlyWhereObjectNameNeedsIt() throws JMException {
        assertThat(MetricsRegistration.nameFor("orders-sink", "2"))
                .isEqualTo(
                        new ObjectName(
                                "io.kinesisconnect:type=kinesis-sink-task,connector=orders-sink,task=2"));
        assertThat(MetricsRegistration.nameFor("team,a:orders", "0"))
                .isEqualTo(
                        new ObjectName(
                                "io.kinesisconnect:type=kinesis-sink-task,"
                                        + "connector=\"team,a:orders\",task=0"));
    }

    @Test
    void aRestartReplacesTheStaleBeanAndStopRemovesIt() throws JMException {
        TaskStats crashed = new TaskStats();
        crashed.received();
        MetricsRegistration.register("metrics-registration-test", "0", crashed);
        ObjectName name = MetricsRegistration.nameFor("metrics-registration-test", "0");

        MetricsRegistration restarted =
                MetricsRegistration.register("metrics-registration-test", "0", new TaskStats());
        assertThat(server.getAttribute(name, "RecordsReceived")).isEqualTo(0L);

        restarted.close();
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void theReadmeListsEveryAttributeOfTheSinkBeanAndNoOther() throws JMException {
        ObjectName name = MetricsRegistration.nameFor("metrics-readme-test", "0");
        try (MetricsRegistration ignored =
                MetricsRegistration.register("metrics-readme-test", "0", new TaskStats())) {
            Map<String, String> attributes =
                    Stream.of(server.getMBeanInfo(name).getAttributes())
                            .collect(
                                    Collectors.toMap(
                                            MBeanAttributeInfo::getName,
                                            MBeanAttributeInfo::getType,
                                            (a, b) -> a,
                                            TreeMap::new));
            Map<String, String> documented =
                    DocumentedMetrics.ofBeanType(MetricsRegistration.TYPE).stream()
                            .collect(
                                    Collectors.toMap(
                                            Metric::attribute,
                                            Metric::jmxType,
                                            (a, b) -> a,
                                            TreeMap::new));

            assertThat(documented).isEqualTo(attributes);
        }
    }
}
