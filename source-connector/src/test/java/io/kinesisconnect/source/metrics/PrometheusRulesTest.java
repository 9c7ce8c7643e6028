package io.kinesisconnect.source.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kinesisconnect.common.metrics.JmxNames;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.testkit.DocumentedMetrics;
import io.kinesisconnect.testkit.DocumentedMetrics.Metric;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus rules and the Grafana dashboard in {@code config/} against the README's metric
 * list, for both connectors. The rules are applied the way the JMX exporter applies them: each
 * pattern, unanchored, against {@code domain<key=value, ...><>Attribute: value}, with the key
 * values as the bean name holds them (quoted ones with their quotes).
 */
class PrometheusRulesTest {

    private static final ShardRef SHARD = new ShardRef("orders", "shardId-000000000001");
    private static final List<String> CONNECTOR_NAMES =
            List.of("orders-connector", "team,a:orders");
    private static final Pattern KEY_PROPERTY =
            Pattern.compile("([^,=:*?]+)=(\"(?:[^\\\\\"]|\\\\.)*\"|[^,=:\"]*),?");

    private record Rule(String pattern, Pattern regex, String name, String type, JsonNode labels) {}

    private final List<Metric> documented = DocumentedMetrics.fromReadme();
    private final List<Rule> rules = rules();

    @Test
    void everyDocumentedMetricHasExactlyOneRuleWithItsNameTypeAndLabels() {
        assertThat(documented).hasSizeGreaterThan(30);
        for (String connector : CONNECTOR_NAMES) {
            for (Metric metric : documented) {
                String line =
                        exporterLine(beanName(metric.beanType(), connector), metric.attribute());
                List<Rule> matching = matching(line);
                assertThat(matching).as("rules matching %s", line).hasSize(1);
                Rule rule = matching.get(0);
                assertThat(expand(rule, line, rule.name())).isEqualTo(metric.prometheusName());
                assertThat(rule.type()).isEqualTo(metric.kind().toUpperCase());
                assertThat(labels(rule, line))
                        .isEqualTo(expectedLabels(metric.beanType(), connector));
            }
        }
    }

    @Test
    void everyRuleNamesADocumentedMetric() {
        for (Rule rule : rules) {
            boolean used =
                    documented.stream()
                            .anyMatch(
                                    m ->
                                            rule.regex()
                                                    .matcher(
                                                            exporterLine(
                                                                    beanName(m.beanType(), "c"),
                                                                    m.attribute()))
                                                    .matches());
            assertThat(used).as("rule %s matches a documented metric", rule.pattern()).isTrue();
        }
    }

    @Test
    void anAttributeTheReadmeDoesNotListMatchesNoRule() {
        // The control: the checks above would see a metric the rules miss.
        for (String type :
                List.of("kinesis-source-shard", "kinesis-source-task", "kinesis-sink-task")) {
            assertThat(matching(exporterLine(beanName(type, "c"), "SomethingNew"))).isEmpty();
        }
    }

    @Test
    void theDashboardQueriesOnlyDocumentedMetricsAndShowsLagThroughputThrottlesAndOutstanding()
            throws IOException {
        JsonNode dashboard =
                new ObjectMapper()
                        .readTree(
                                DocumentedMetrics.repositoryFile(
                                                "config/grafana-kinesis-connect.json")
                                        .toFile());
        Set<String> queried = new TreeSet<>();
        Matcher metric = Pattern.compile("kinesis_(?:source|sink)_[a-z_]+").matcher("");
        for (JsonNode expr : dashboard.findValues("expr")) {
            metric.reset(expr.asText());
            while (metric.find()) {
                queried.add(metric.group());
            }
        }
        Set<String> names =
                documented.stream().map(Metric::prometheusName).collect(Collectors.toSet());

        assertThat(names).containsAll(queried);
        assertThat(queried)
                .contains(
                        "kinesis_source_shard_millis_behind_latest",
                        "kinesis_source_shard_records_per_second",
                        "kinesis_source_shard_throttles_total",
                        "kinesis_source_task_buffered_groups",
                        "kinesis_sink_task_outstanding_records",
                        "kinesis_sink_task_records_written_total");
    }

    private static ObjectName beanName(String beanType, String connector) {
        return switch (beanType) {
            case SourceTaskMetrics.SHARD_TYPE -> SourceTaskMetrics.shardName(connector, "0", SHARD);
            case SourceTaskMetrics.TASK_TYPE -> SourceTaskMetrics.taskName(connector, "0");
            // built as the sink's MetricsRegistration builds it; the sink's own test holds it there
            default -> JmxNames.of(beanType, "connector", connector, "task", "0");
        };
    }

    private static Map<String, String> expectedLabels(String beanType, String connector) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("connector", connector);
        labels.put("task", "0");
        if (beanType.equals(SourceTaskMetrics.SHARD_TYPE)) {
            labels.put("stream", SHARD.stream());
            labels.put("shard", SHARD.shardId());
        }
        return labels;
    }

    /** The text the exporter matches a rule against. */
    private static String exporterLine(ObjectName name, String attribute) {
        List<String> properties = new ArrayList<>();
        Matcher property = KEY_PROPERTY.matcher(name.getKeyPropertyListString());
        while (property.lookingAt()) {
            properties.add(property.group(1) + "=" + property.group(2));
            property.region(property.end(), property.regionEnd());
        }
        return name.getDomain() + "<" + String.join(", ", properties) + "><>" + attribute + ": 1";
    }

    private List<Rule> matching(String line) {
        return rules.stream().filter(r -> r.regex().matcher(line).matches()).toList();
    }

    private static String expand(Rule rule, String line, String template) {
        return rule.regex().matcher(line).replaceAll(template);
    }

    private static Map<String, String> labels(Rule rule, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        rule.labels()
                .fields()
                .forEachRemaining(
                        e -> labels.put(e.getKey(), expand(rule, line, e.getValue().asText())));
        return labels;
    }

    private static List<Rule> rules() {
        try {
            JsonNode config =
                    new ObjectMapper(new YAMLFactory())
                            .readTree(
                                    DocumentedMetrics.repositoryFile(
                                                    "config/jmx-exporter-kinesis-connect.yml")
                                            .toFile());
            List<Rule> rules = new ArrayList<>();
            for (JsonNode rule : config.get("rules")) {
                String pattern = rule.get("pattern").asText();
                rules.add(
                        new Rule(
                                pattern,
                                // the exporter wraps every pattern so that it need not be anchored
                                Pattern.compile("^.*(?:" + pattern + ").*$"),
                                rule.get("name").asText(),
                                rule.get("type").asText(),
                                rule.get("labels")));
            }
            return rules;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the rules file", e);
        }
    }
}
