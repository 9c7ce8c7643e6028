package io.kinesisconnect.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class MBeanRegistrarTest {

    /** A bean interface for the test: MXBeans need a public interface. */
    public interface ValueMXBean {
        long getValue();
    }

    private record Value(long value) implements ValueMXBean {
        @Override
        public long getValue() {
            return value;
        }
    }

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Test
    void aStaleBeanOfTheSameNameIsReplacedNotAnError() throws Exception {
        ObjectName name = JmxNames.of("test", "connector", "c", "task", "0");
        MBeanRegistrar crashed = new MBeanRegistrar(server);
        assertThat(crashed.register(name, new Value(1))).isTrue();

        // The task restarts on the same worker without the first run having cleaned up.
        MBeanRegistrar restarted = new MBeanRegistrar(server);
        assertThat(restarted.register(name, new Value(2))).isTrue();

        assertThat(server.getAttribute(name, "Value")).isEqualTo(2L);
    }

    @Test
    void aStaleInstanceStoppingLateLeavesItsReplacementsBeanInPlace() throws Exception {
        ObjectName name = JmxNames.of("test", "connector", "c", "task", "0");
        MBeanRegistrar old = new MBeanRegistrar(server);
        old.register(name, new Value(1));
        MBeanRegistrar replacement = new MBeanRegistrar(server);
        replacement.register(name, new Value(2));

        old.close();

        assertThat(server.getAttribute(name, "Value")).isEqualTo(2L);
        replacement.close();
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void closeRemovesEveryBeanItRegisteredAndNoOther() throws Exception {
        ObjectName mine1 = JmxNames.of("test", "connector", "c", "shard", "s1");
        ObjectName mine2 = JmxNames.of("test", "connector", "c", "shard", "s2");
        ObjectName other = JmxNames.of("test", "connector", "other");
        new MBeanRegistrar(server).register(other, new Value(0));
        MBeanRegistrar registrar = new MBeanRegistrar(server);
        registrar.register(mine1, new Value(1));
        registrar.register(mine2, new Value(2));

        registrar.close();

        assertThat(server.isRegistered(mine1)).isFalse();
        assertThat(server.isRegistered(mine2)).isFalse();
        assertThat(server.isRegistered(other)).isTrue();
        assertThat(registrar.names()).isEmpty();
    }

    @Test
    void unregisteringOneBeanLeavesTheOthers() {
        ObjectName first = JmxNames.of("test", "shard", "s1");
        ObjectName second = JmxNames.of("test", "shard", "s2");
        MBeanRegistrar registrar = new MBeanRegistrar(server);
        registrar.register(first, new Value(1));
        registrar.register(second, new Value(2));

        registrar.unregister(first);
        registrar.unregister(first);

        assertThat(server.isRegistered(first)).isFalse();
        assertThat(server.isRegistered(second)).isTrue();
        assertThat(registrar.names()).containsExactly(second);
    }

    @Test
    void aBeanThatCannotBeRegisteredIsReportedNotThrown() {
        ObjectName name = JmxNames.of("test", "shard", "s1");

        boolean registered = new MBeanRegistrar(server).register(name, new Object());

        assertThat(registered).isFalse();
        assertThat(server.isRegistered(name)).isFalse();
    }
}
