package io.kinesisconnect.common.metrics;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beans one task registered, so that stopping the task removes all of them, whatever state it
 * failed in. Metrics never fail a task: a bean that cannot be registered is logged and skipped.
 */
public final class MBeanRegistrar implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MBeanRegistrar.class);

    private final MBeanServer server;
    private final Set<ObjectName> registered = ConcurrentHashMap.newKeySet();

    public MBeanRegistrar(MBeanServer server) {
        this.server = server;
    }

    /** A registrar on the JVM's platform server, the one JMX agents and exporters read. */
    public static MBeanRegistrar platform() {
        return new MBeanRegistrar(ManagementFactory.getPlatformMBeanServer());
    }

    /**
     * Registers {@code bean} as {@code name}. A bean already under that name is replaced: it is
     * left over from an earlier run of the same task (a restart on this worker, or a stop that
     * never completed), and its figures are stale.
     *
     * @return whether the bean is now registered
     */
    public boolean register(ObjectName name, Object bean) {
        try {
            if (server.isRegistered(name)) {
                log.debug("Replacing a stale bean name={}", name);
                unregisterQuietly(name);
            }
            server.registerMBean(bean, name);
            registered.add(name);
            return true;
        } catch (JMException e) {
            log.warn("Metrics are not available over JMX name={} error={}", name, e.toString());
            return false;
        }
    }

    /** Removes one bean this registrar registered; nothing happens for an unknown name. */
    public void unregister(ObjectName name) {
        if (registered.remove(name)) {
            unregisterQuietly(name);
        }
    }

    /** The names registered and not yet removed. */
    public Set<ObjectName> names() {
        return Set.copyOf(registered);
    }

    /** Removes every bean this registrar registered. */
    @Override
    public void close() {
        for (ObjectName name : names()) {
            unregister(name);
        }
    }

    private void unregisterQuietly(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            log.debug("Bean already gone name={}", name);
        } catch (JMException e) {
            log.warn("Could not unregister bean name={} error={}", name, e.toString());
        }
    }
}
