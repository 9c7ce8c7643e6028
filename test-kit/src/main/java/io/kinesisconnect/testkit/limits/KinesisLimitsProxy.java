package io.kinesisconnect.testkit.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kinesis as AWS runs it, in front of an emulator that never says no: an HTTP or HTTPS proxy on
 * 127.0.0.1 that forwards Kinesis calls to an upstream emulator (kinesis-mock or kinesalite) and
 * refuses what AWS would refuse, with AWS's error shapes. See {@link Limit} for what it enforces.
 *
 * <p>It also injects the {@link KinesisFaults} of its limits: 500s, 503s, latency, dropped
 * connections, expired iterators and failed PutRecords entries, counted in {@link #counters()}.
 *
 * <p>With {@link Transport#TLS} it serves HTTPS (HTTP/1.1) with a self-signed certificate for
 * 127.0.0.1, made once per JVM, so that the KPL, which speaks TLS only, can use it: clients must
 * turn certificate checks off (KPL {@code VerifyCertificate=false}, the connectors' {@code
 * aws.tls.verify.certificates=false}). It still forwards to the upstream over plain HTTP.
 *
 * <p>It takes JSON ({@code application/x-amz-json-1.1}) and CBOR ({@code
 * application/x-amz-cbor-1.1}, the SDK v2 default) calls. The emulators are always spoken to in
 * JSON (kinesalite answers nothing else): a CBOR call is transcoded to JSON towards the upstream,
 * and its answer, refusal or fault back to CBOR ({@link CborTranscoder}).
 *
 * <p>What it does not do: HTTP/2, so SubscribeToShard (enhanced fan-out) cannot pass through it; an
 * EFO reader under test talks to kinesis-mock directly, without limits.
 *
 * <pre>{@code
 * try (KinesisLimitsProxy proxy = KinesisLimitsProxy.start(emulator.endpoint(), KinesisLimits.aws(), 0)) {
 *     KinesisClient client = KinesisTestClients.create(proxy.endpoint());
 *     ...
 *     proxy.counters().refused("PutRecords");
 * }
 * }</pre>
 */
public final class KinesisLimitsProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KinesisLimitsProxy.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** What the proxy serves its clients. */
    public enum Transport {
        /** Plain HTTP/1.1. */
        PLAIN_HTTP("http"),
        /** HTTPS (HTTP/1.1 over TLS) with a self-signed certificate for 127.0.0.1. */
        TLS("https");

        private final String scheme;

        Transport(String scheme) {
            this.scheme = scheme;
        }
    }

    private final HttpServer server;
    private final Transport transport;
    private final ExecutorService executor;
    private final ShardMaps shardMaps;
    private final ProxyCounters counters;
    private final KinesisLimits limits;
    private final URI upstream;

    private KinesisLimitsProxy(
            HttpServer server,
            Transport transport,
            ExecutorService executor,
            ShardMaps shardMaps,
            ProxyCounters counters,
            KinesisLimits limits,
            URI upstream) {
        this.server = server;
        this.transport = transport;
        this.executor = executor;
        this.shardMaps = shardMaps;
        this.counters = counters;
        this.limits = limits;
        this.upstream = upstream;
    }

    /**
     * Starts a plain-HTTP proxy in front of {@code upstream}, a plain-HTTP emulator endpoint.
     *
     * @param port the port to listen on, on 127.0.0.1; 0 picks a free one
     */
    public static KinesisLimitsProxy start(URI upstream, KinesisLimits limits, int port) {
        return start(upstream, limits, port, Transport.PLAIN_HTTP);
    }

    /**
     * Starts a proxy serving {@code transport} in front of {@code upstream}, a plain-HTTP emulator
     * endpoint.
     *
     * @param port the port to listen on, on 127.0.0.1; 0 picks a free one
     * @throws IllegalStateException if {@link Transport#TLS} and keytool cannot make the
     *     certificate
     */
    public static KinesisLimitsProxy start(
            URI upstream, KinesisLimits limits, int port, Transport transport) {
        return start(upstream, limits, port, transport, Ticker.SYSTEM);
    }

    static KinesisLimitsProxy start(
            URI upstream, KinesisLimits limits, int port, Transport transport, Ticker ticker) {
        // Made before any thread starts, so that a keytool failure leaves nothing to stop.
        SSLContext tls = transport == Transport.TLS ? ProxyTls.context() : null;
        ObjectMapper json = new ObjectMapper();
        Upstream forwarder = new Upstream(upstream);
        ShardMaps shardMaps = new ShardMaps(forwarder);
        KinesisLimiter limiter = new KinesisLimiter(limits, ticker);
        ProxyCounters counters = new ProxyCounters();
        FaultInjector faults = FaultInjector.of(limits.faults(), ticker);
        ProxyHandler handler =
                new ProxyHandler(
                        json,
                        forwarder,
                        shardMaps,
                        new WriteGate(limiter, counters, forwarder, shardMaps, json, faults),
                        new ReadGate(limiter, counters, forwarder, new IteratorShards(), json),
                        new ControlGate(limiter, counters),
                        counters,
                        faults);
        ExecutorService executor =
                Executors.newCachedThreadPool(
                        runnable -> {
                            Thread thread =
                                    new Thread(
                                            runnable,
                                            "kinesis-limits-proxy-" + THREADS.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            HttpServer server =
                    listen(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), tls);
            server.createContext("/", handler);
            server.setExecutor(executor);
            server.start();
            KinesisLimitsProxy proxy =
                    new KinesisLimitsProxy(
                            server, transport, executor, shardMaps, counters, limits, upstream);
            log.info(
                    "Kinesis limits proxy on {} in front of {}; limits: {}",
                    proxy.endpoint(),
                    upstream,
                    limits);
            return proxy;
        } catch (IOException e) {
            executor.shutdownNow();
            shardMaps.close();
            throw new UncheckedIOException(
                    "Could not listen on "
                            + LOOPBACK
                            + ":"
                            + port
                            + " for the Kinesis limits proxy",
                    e);
        }
    }

    private static HttpServer listen(InetSocketAddress address, SSLContext tls) throws IOException {
        if (tls == null) {
            return HttpServer.create(address, 128);
        }
        HttpsServer server = HttpsServer.create(address, 128);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return server;
    }

    /**
     * The endpoint clients use instead of the emulator's: {@code http://127.0.0.1:port}, or {@code
     * https://...} with {@link Transport#TLS}.
     */
    public URI endpoint() {
        return URI.create(
                transport.scheme + "://" + LOOPBACK + ":" + server.getAddress().getPort());
    }

    public Transport transport() {
        return transport;
    }

    /** The emulator the proxy forwards to. */
    public URI upstream() {
        return upstream;
    }

    public KinesisLimits limits() {
        return limits;
    }

    /** Allowed and refused calls per API and per shard, live. */
    public ProxyCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        shardMaps.close();
        log.info(
                "Kinesis limits proxy on port {} stopped; {}",
                server.getAddress().getPort(),
                counters.summary());
    }
}
