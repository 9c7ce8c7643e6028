package io.kinesisconnect.sink.delivery;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers a task's {@link TaskStats} over JMX for as long as the task runs. */
public final class MetricsRegistration implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsRegistration.class);

    private final ObjectName name;

    private MetricsRegistration(ObjectName name) {
        this.name = name;
    }

    /** The JMX name of a task's metrics. */
    public static ObjectName nameFor(String connector, String task) throws JMException {
        return new ObjectName(
                "io.kinesisconnect:type=kinesis-sink-task,connector="
                        + ObjectName.quote(connector)
                        + ",task="
                        + ObjectName.quote(task));
    }

    /** Registers {@code stats}, replacing an earlier registration of the same task. */
    public static MetricsRegistration register(String connector, String task, TaskStats stats) {
        try {
            ObjectName name = nameFor(connector, task);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(stats, name);
            return new MetricsRegistration(name);
        } catch (JMException e) {
            log.warn("Task metrics are not available over JMX: {}", e.toString());
            return new MetricsRegistration(null);
        }
    }

    @Override
    public void close() {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            log.debug("Task metrics were already unregistered: {}", e.toString());
        }
    }
}
