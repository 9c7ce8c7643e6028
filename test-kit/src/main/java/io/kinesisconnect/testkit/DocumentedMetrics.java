package io.kinesisconnect.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric list of the repository README ("Metrics"), for tests that hold the beans, the
 * Prometheus rules and the dashboard in {@code config/} to what the README promises.
 */
public final class DocumentedMetrics {

    /**
     * One row of the list.
     *
     * @param beanType such as {@code kinesis-source-shard}
     * @param attribute the JMX attribute, such as {@code MillisBehindLatest}
     * @param jmxType the attribute's open type as JMX reports it: long, int, double, boolean
     * @param prometheusName the metric name the rules file gives it
     * @param kind counter or gauge
     */
    public record Metric(
            String beanType,
            String attribute,
            String jmxType,
            String prometheusName,
            String kind) {}

    private static final Pattern ROW =
            Pattern.compile(
                    "^\\| `(kinesis-[a-z-]+)` \\| `(\\w+)` \\| (\\w+) \\| `(\\w+)` \\((counter|gauge)\\) \\|.*\\|$");

    private DocumentedMetrics() {}

    /** Every metric row of the README, in order. */
    public static List<Metric> fromReadme() {
        List<Metric> metrics = new ArrayList<>();
        for (String line : readLines(repositoryFile("README.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                metrics.add(
                        new Metric(
                                row.group(1),
                                row.group(2),
                                row.group(3),
                                row.group(4),
                                row.group(5)));
            }
        }
        if (metrics.isEmpty()) {
            throw new IllegalStateException(
                    "README.md lists no metrics in the expected table form");
        }
        return metrics;
    }

    /** The rows of one bean type. */
    public static List<Metric> ofBeanType(String beanType) {
        return fromReadme().stream().filter(m -> m.beanType().equals(beanType)).toList();
    }

    /**
     * A file of the repository, found upwards from the working directory (a module folder when
     * Maven runs the test).
     */
    public static Path repositoryFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("config"))
                    && Files.isRegularFile(dir.resolve("README.md"))
                    && Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(
                "No " + relative + " found upwards from " + Path.of("").toAbsolutePath());
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
