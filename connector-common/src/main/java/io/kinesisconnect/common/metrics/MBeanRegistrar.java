package io.kinesisconnect.common.metrics;

import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
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
 *
 * <p>A task restarted on the same worker registers the same names while the old instance may still
 * be stopping. The newer bean wins, and the old instance's {@link #close()} leaves it in place:
 * each server's names are mapped to the bean that holds them now.
 */
public final class MBeanRegistrar implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MBeanRegistrar.class);

    /** Per server, which bean holds each name registered through this class. */
    private static final Map<MBeanServer, Map<ObjectName, Object>> HOLDERS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final MBeanServer server;
    private final Map<ObjectName, Object> holders;
    private final Map<ObjectName, Object> registered = new ConcurrentHashMap<>();

    public MBeanRegistrar(MBeanServer server) {
        this.server = server;
        this.holders = HOLDERS.computeIfAbsent(server, s -> new HashMap<>());
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
        synchronized (holders) {
            try {
                if (server.isRegistered(name)) {
                    log.debug("Replacing a stale bean name={}", name);
                    unregisterQuietly(name);
                }
                server.registerMBean(bean, name);
                holders.put(name, bean);
                registered.put(name, bean);
                return true;
            } catch (JMException e) {
                log.warn("Metrics are not available over JMX name={} error={}", name, e.toString());
                return false;
            }
        }
    }

    /**
     * Removes one bean this registrar registered, unless a newer registrar has replaced it since;
     * nothing happens for an unknown name.
     */
    public void unregister(ObjectName name) {
        Object bean = registered.remove(name);
        if (bean == null) {
            return;
        }
        synchronized (holders) {
            if (holders.get(name) == bean) {
                holders.remove(name);
                unregisterQuietly(name);
            }
        }
    }

    /** The names registered and not yet removed. */
    public Set<ObjectName> names() {
        return Set.copyOf(registered.keySet());
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
