package io.kinesisconnect.testkit.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link KinesisLimitsProxy} as a process, for people and benchmarks: {@code
 * bin/kinesis-limits-proxy --upstream URL [--port N] [--tls] [--config FILE] [--stats-seconds N]}.
 * Prints the listening address, then a stats line every few seconds, until it is stopped.
 */
public final class KinesisLimitsProxyMain {

    static final String USAGE =
            "Usage: kinesis-limits-proxy --upstream URL [--port N] [--tls] [--config FILE]"
                    + " [--stats-seconds N]\n"
                    + "  --upstream URL      plain-HTTP endpoint of kinesis-mock or kinesalite,"
                    + " such as http://127.0.0.1:4567\n"
                    + "  --port N            port on 127.0.0.1 to listen on (default 0: a free one)\n"
                    + "  --tls               serve HTTPS with a self-signed certificate for 127.0.0.1"
                    + " (for the KPL: VerifyCertificate=false); the upstream stays plain HTTP\n"
                    + "  --config FILE       properties file overriding AWS's limits and setting faults; limit keys: "
                    + String.join(", ", limitKeys())
                    + ", "
                    + KinesisLimits.BURST_SECONDS_KEY
                    + "; values: a positive whole number per second or 'unlimited'.\n"
                    + "                      Fault keys: "
                    + KinesisFaults.keys()
                    + "; a rate is a probability from 0 to 1 per call (per entry for"
                    + " PutRecords entry failures), for one API with the suffix .<Operation>.\n"
                    + "                      Fault schedules: <fault>.window[.<Operation>]=5s-8s"
                    + " (after the proxy started; several separated by commas; 5s-8s@0.5 for a"
                    + " rate inside; '5s-8s after first call' to count from the first call of the"
                    + " API) and <fault>.every[.<Operation>]=N (every N-th call), <fault> being a"
                    + " fault key without .rate; for example "
                    + Fault.INTERNAL_FAILURE.baseKey()
                    + ".window.PutRecords=5s-8s\n"
                    + "  --stats-seconds N   seconds between stats lines (default 5)\n"
                    + "Clients may send JSON or CBOR (the SDK v2 default); CBOR is transcoded to"
                    + " JSON towards the upstream and its answers back to CBOR.";

    private KinesisLimitsProxyMain() {}

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kinesis-limits-proxy: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        // The proxy reads shard maps with the SDK, which must speak JSON to kinesalite.
        System.setProperty("aws.cborEnabled", "false");
        run(options, System.out);
    }

    static void run(Options options, PrintStream out) throws InterruptedException {
        KinesisLimitsProxy proxy =
                KinesisLimitsProxy.start(
                        options.upstream(), options.limits(), options.port(), options.transport());
        CountDownLatch stopped = new CountDownLatch(1);
        ScheduledExecutorService stats = Executors.newSingleThreadScheduledExecutor();
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    stats.shutdownNow();
                                    proxy.close();
                                    out.println("stopped; " + proxy.counters().summary());
                                    stopped.countDown();
                                },
                                "kinesis-limits-proxy-stop"));
        out.println(
                "Kinesis limits proxy listening on "
                        + proxy.endpoint()
                        + ", forwarding to "
                        + proxy.upstream());
        out.println("limits: " + proxy.limits());
        out.println("stats: API allowed/refused [stream/shard allowed/refused, ...]");
        stats.scheduleAtFixedRate(
                () -> out.println("stats: " + proxy.counters().summary()),
                options.statsSeconds(),
                options.statsSeconds(),
                TimeUnit.SECONDS);
        stopped.await();
    }

    private static String[] limitKeys() {
        Limit[] limits = Limit.values();
        String[] keys = new String[limits.length];
        for (int i = 0; i < limits.length; i++) {
            keys[i] = limits[i].key();
        }
        return keys;
    }

    /** The parsed command line. */
    record Options(
            URI upstream,
            int port,
            KinesisLimitsProxy.Transport transport,
            KinesisLimits limits,
            int statsSeconds) {

        static Options parse(String[] args) {
            URI upstream = null;
            int port = 0;
            KinesisLimitsProxy.Transport transport = KinesisLimitsProxy.Transport.PLAIN_HTTP;
            KinesisLimits limits = KinesisLimits.aws();
            int statsSeconds = 5;
            int i = 0;
            while (i < args.length) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) {
                    throw new IllegalArgumentException("help");
                }
                if (flag.equals("--tls")) {
                    transport = KinesisLimitsProxy.Transport.TLS;
                    i++;
                    continue;
                }
                String value = valueOf(args, i);
                i += 2;
                switch (flag) {
                    case "--upstream" -> upstream = upstream(value);
                    case "--port" -> port = number(flag, value, 0, 65_535);
                    case "--config" -> limits = KinesisLimits.fromProperties(load(Path.of(value)));
                    case "--stats-seconds" -> statsSeconds = number(flag, value, 1, 3_600);
                    default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
                }
            }
            if (upstream == null) {
                throw new IllegalArgumentException("--upstream is required");
            }
            return new Options(upstream, port, transport, limits, statsSeconds);
        }

        private static String valueOf(String[] args, int i) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            return args[i + 1];
        }

        private static URI upstream(String value) {
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "--upstream was '"
                                + value
                                + "'; it accepts a plain-HTTP URL such as http://127.0.0.1:4567");
            }
            return uri;
        }

        private static int number(String flag, String value, int min, int max) {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // Falls through to the message that says what is accepted.
            }
            throw new IllegalArgumentException(
                    flag
                            + " was '"
                            + value
                            + "'; it accepts a whole number from "
                            + min
                            + " to "
                            + max);
        }

        private static Properties load(Path file) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
                return properties;
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "--config '" + file + "' could not be read: " + e.getMessage(), e);
            }
        }
    }
}
