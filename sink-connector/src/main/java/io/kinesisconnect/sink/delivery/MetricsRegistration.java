package io.kinesisconnect.sink.delivery;

import io.kinesisconnect.common.metrics.JmxNames;
import io.kinesisconnect.common.metrics.MBeanRegistrar;
import javax.management.ObjectName;

/**
 * Registers a task's {@link TaskStats} over JMX for as long as the task runs. The bean type stays
 * {@value #TYPE}, as before the source had metrics, so existing dashboards keep working; names are
 * built and quoted by the shared {@link JmxNames}, the same way as the source's.
 */
public final class MetricsRegistration implements AutoCloseable {

    /** The bean type of a sink task's metrics. */
    public static final String TYPE = "kinesis-sink-task";

    private final MBeanRegistrar registrar;

    private MetricsRegistration(MBeanRegistrar registrar) {
        this.registrar = registrar;
    }

    /** The JMX name of a task's metrics. */
    public static ObjectName nameFor(String connector, String task) {
        return JmxNames.of(TYPE, JmxNames.CONNECTOR, connector, JmxNames.TASK, task);
    }

    /** Registers {@code stats}, replacing an earlier registration of the same task. */
    public static MetricsRegistration register(String connector, String task, TaskStats stats) {
        MBeanRegistrar registrar = MBeanRegistrar.platform();
        registrar.register(nameFor(connector, task), stats);
        return new MetricsRegistration(registrar);
    }

    @Override
    public void close() {
        registrar.close();
    }
}
