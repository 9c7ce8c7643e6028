package io.kinesisconnect.testkit.limits;

import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Gives a test class a {@link KinesisLimitsProxy} in front of its emulator: on a free port of
 * 127.0.0.1, started before the class's tests and stopped after them. Register it after the
 * emulator's extension, so that JUnit starts the emulator first.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KinesisEmulatorExtension KINESIS = KinesisEmulatorExtension.shared(EmulatorKind.KINESALITE);
 *
 * @RegisterExtension
 * static final KinesisLimitsProxyExtension AWS_LIMITS =
 *         KinesisLimitsProxyExtension.inFrontOf(KINESIS, KinesisLimits.aws());
 *
 * // point the code under test at AWS_LIMITS.endpoint(), then
 * assertThat(AWS_LIMITS.counters().refused("PutRecords")).isPositive();
 *
 * @RegisterExtension
 * static final KinesisLimitsProxyExtension FAULTY =
 *         KinesisLimitsProxyExtension.inFrontOf(KINESIS, KinesisLimits.aws())
 *                 .withFaults(KinesisFaults.none().with(Fault.INTERNAL_FAILURE, 0.05).withSeed(43));
 *
 * assertThat(FAULTY.counters().injected(Fault.INTERNAL_FAILURE)).isPositive();
 *
 * // HTTPS with a self-signed certificate, for the KPL (VerifyCertificate=false)
 * @RegisterExtension
 * static final KinesisLimitsProxyExtension TLS =
 *         KinesisLimitsProxyExtension.inFrontOf(KINESIS, KinesisLimits.aws()).withTls();
 * }</pre>
 *
 * <p>The proxy takes CBOR as well as JSON (it transcodes CBOR to JSON towards the emulator), but
 * the extension sets the SDK's {@code aws.cborEnabled=false} for the JVM while it runs, and
 * restores it afterwards, as the emulator's extension does: clients built meanwhile may also talk
 * to kinesalite directly, which cannot answer GetRecords in CBOR.
 */
public final class KinesisLimitsProxyExtension implements BeforeAllCallback, AfterAllCallback {

    private static final String CBOR_PROPERTY = "aws.cborEnabled";

    private final KinesisEmulatorExtension emulator;
    private final KinesisLimits limits;
    private final KinesisLimitsProxy.Transport transport;
    private KinesisLimitsProxy proxy;
    private KinesisClient client;
    private String previousCbor;

    private KinesisLimitsProxyExtension(
            KinesisEmulatorExtension emulator,
            KinesisLimits limits,
            KinesisLimitsProxy.Transport transport) {
        this.emulator = emulator;
        this.limits = limits;
        this.transport = transport;
    }

    /**
     * A proxy with {@code limits} (and their faults) in front of the emulator of {@code emulator}.
     */
    public static KinesisLimitsProxyExtension inFrontOf(
            KinesisEmulatorExtension emulator, KinesisLimits limits) {
        return new KinesisLimitsProxyExtension(
                emulator, limits, KinesisLimitsProxy.Transport.PLAIN_HTTP);
    }

    /**
     * The same proxy, injecting {@code faults} as well: {@code inFrontOf(KINESIS,
     * KinesisLimits.aws()).withFaults(KinesisFaults.none().with(Fault.INTERNAL_FAILURE, 0.05))}.
     */
    public KinesisLimitsProxyExtension withFaults(KinesisFaults faults) {
        return new KinesisLimitsProxyExtension(emulator, limits.withFaults(faults), transport);
    }

    /**
     * The same proxy, serving HTTPS with a self-signed certificate for 127.0.0.1 instead of plain
     * HTTP, for the KPL: clients must turn certificate checks off. The upstream stays plain HTTP.
     */
    public KinesisLimitsProxyExtension withTls() {
        return new KinesisLimitsProxyExtension(emulator, limits, KinesisLimitsProxy.Transport.TLS);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        previousCbor = System.getProperty(CBOR_PROPERTY);
        System.setProperty(CBOR_PROPERTY, "false");
        proxy = KinesisLimitsProxy.start(emulator.emulator().endpoint(), limits, 0, transport);
        client =
                transport == KinesisLimitsProxy.Transport.TLS
                        ? KinesisTestClients.createTrustingAnyCertificate(proxy.endpoint())
                        : KinesisTestClients.create(proxy.endpoint());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (previousCbor == null) {
            System.clearProperty(CBOR_PROPERTY);
        } else {
            System.setProperty(CBOR_PROPERTY, previousCbor);
        }
    }

    /** The proxy's endpoint (http, or https with {@link #withTls()}), for the code under test. */
    public URI endpoint() {
        return proxy.endpoint();
    }

    /** Allowed and refused calls per API and per shard. */
    public ProxyCounters counters() {
        return proxy.counters();
    }

    /**
     * An SDK client for the proxy (with the SDK's default retries; trusting any certificate with
     * {@link #withTls()}), owned by the extension.
     */
    public KinesisClient client() {
        return client;
    }

    public KinesisLimitsProxy proxy() {
        return proxy;
    }
}
