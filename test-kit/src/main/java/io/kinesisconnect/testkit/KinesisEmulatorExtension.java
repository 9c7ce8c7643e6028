package io.kinesisconnect.testkit;

import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.EmulatorOptions;
import io.kinesisconnect.processes.EmulatorProcess;
import io.kinesisconnect.processes.KinesisStreams;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.processes.StreamReader;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Gives a test class a running Kinesis emulator, a client for it, stream creation and the
 * independent reader.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KinesisEmulatorExtension KINESIS = KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);
 *
 * String stream = KINESIS.streams().create("orders", 4);
 * }</pre>
 *
 * <p>A {@linkplain #shared shared} emulator is started once per test run, in JUnit's root store,
 * and killed when the run ends, so every class in the run reuses it; tests stay apart by using
 * unique stream names. A {@linkplain #dedicated dedicated} one lives for one test class, for tests
 * that stop or restart it.
 *
 * <p>kinesalite cannot answer GetRecords in CBOR, so while a kinesalite is in use the extension
 * sets the SDK's {@code aws.cborEnabled=false} for the whole JVM, and restores it afterwards.
 */
public final class KinesisEmulatorExtension implements BeforeAllCallback, AfterAllCallback {

    private static final Namespace NAMESPACE = Namespace.create(KinesisEmulatorExtension.class);
    private static final String CBOR_PROPERTY = "aws.cborEnabled";

    private final EmulatorKind kind;
    private final EmulatorOptions options;
    private final boolean shared;
    private EmulatorProcess emulator;
    private KinesisClient client;
    private String previousCbor;

    private KinesisEmulatorExtension(EmulatorKind kind, EmulatorOptions options, boolean shared) {
        this.kind = kind;
        this.options = options;
        this.shared = shared;
    }

    /** One emulator of this kind for the whole test run. */
    public static KinesisEmulatorExtension shared(EmulatorKind kind) {
        return new KinesisEmulatorExtension(kind, EmulatorOptions.defaults(), true);
    }

    /** An emulator of its own for this test class, which the class may stop and restart. */
    public static KinesisEmulatorExtension dedicated(EmulatorKind kind, EmulatorOptions options) {
        return new KinesisEmulatorExtension(kind, options, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (kind == EmulatorKind.KINESALITE) {
            previousCbor = System.getProperty(CBOR_PROPERTY);
            System.setProperty(CBOR_PROPERTY, "false");
        }
        if (shared) {
            emulator =
                    context.getRoot()
                            .getStore(NAMESPACE)
                            .getOrComputeIfAbsent(
                                    kind,
                                    k -> new SharedEmulator(EmulatorProcess.start(kind)),
                                    SharedEmulator.class)
                            .emulator();
        } else {
            emulator = EmulatorProcess.start(kind, options);
        }
        client = KinesisTestClients.create(emulator.endpoint());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (!shared && emulator != null) {
            emulator.close();
        }
        if (kind == EmulatorKind.KINESALITE) {
            if (previousCbor == null) {
                System.clearProperty(CBOR_PROPERTY);
            } else {
                System.setProperty(CBOR_PROPERTY, previousCbor);
            }
        }
    }

    /** The running emulator: endpoints, ports, log file, restart. */
    public EmulatorProcess emulator() {
        return emulator;
    }

    /** A plain-HTTP SDK client for the emulator, owned by the extension. */
    public KinesisClient client() {
        return client;
    }

    /** Stream administration through {@link #client()}. */
    public KinesisStreams streams() {
        return new KinesisStreams(client);
    }

    /** The independent reader of what landed in a stream. */
    public StreamReader reader() {
        return new StreamReader(client);
    }

    /** Closes a shared emulator when JUnit closes its root store, at the end of the run. */
    private record SharedEmulator(EmulatorProcess emulator) implements AutoCloseable {
        @Override
        public void close() {
            emulator.close();
        }
    }
}
