package io.kinesisconnect.testkit;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class its own {@link ConnectTestCluster}, started before the first test and stopped
 * after the last, named after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(2);
 *
 * CONNECT.cluster().putConnectorConfig("my-source", config);
 * }</pre>
 */
public final class ConnectClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private final int workers;
    private final UnaryOperator<ConnectTestCluster.Builder> customizer;
    private ConnectTestCluster cluster;

    private ConnectClusterExtension(
            int workers, UnaryOperator<ConnectTestCluster.Builder> customizer) {
        this.workers = workers;
        this.customizer = customizer;
    }

    /** A cluster of one broker and {@code workers} distributed workers with default settings. */
    public static ConnectClusterExtension withWorkers(int workers) {
        return new ConnectClusterExtension(workers, builder -> builder);
    }

    /**
     * Like {@link #withWorkers(int)}, with worker or broker settings added by {@code customizer}.
     */
    public static ConnectClusterExtension withWorkers(
            int workers, UnaryOperator<ConnectTestCluster.Builder> customizer) {
        return new ConnectClusterExtension(workers, customizer);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName();
        cluster =
                customizer.apply(ConnectTestCluster.builder().name(name).workers(workers)).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The running cluster. */
    public ConnectTestCluster cluster() {
        return cluster;
    }
}
