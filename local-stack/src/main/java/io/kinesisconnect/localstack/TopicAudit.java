package io.kinesisconnect.localstack;

import io.kinesisconnect.processes.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a topic holds, as a consumer sees it: each value with the number of times it appears, so
 * that lost records and duplicates can both be counted.
 *
 * @param counts how many times each value appears
 */
public record TopicAudit(Map<String, Integer> counts) {

    /**
     * Reads the whole topic.
     *
     * @param readCommitted true to see only committed transactions (exactly-once), false to see
     *     aborted records too
     */
    public static TopicAudit read(String bootstrapServers, String topic, boolean readCommitted) {
        Map<String, Integer> counts = new HashMap<>();
        new TopicReader(bootstrapServers, readCommitted)
                .readToEnd(topic, Duration.ofSeconds(60))
                .forEach(
                        r ->
                                counts.merge(
                                        new String(r.value(), StandardCharsets.UTF_8),
                                        1,
                                        Integer::sum));
        return new TopicAudit(Map.copyOf(counts));
    }

    /** Records beyond the first of each value. */
    public int duplicates() {
        return counts.values().stream().mapToInt(c -> c - 1).sum();
    }

    /** The values of {@code expected} that are not in the topic. */
    public Set<String> missing(List<String> expected) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(counts.keySet());
        return missing;
    }

    /** The values in the topic that start with {@code prefix}. */
    public Set<String> withPrefix(String prefix) {
        Set<String> found = new TreeSet<>();
        counts.keySet().stream().filter(v -> v.startsWith(prefix)).forEach(found::add);
        return found;
    }

    /** Every value, once. */
    public Set<String> distinct() {
        return new TreeSet<>(counts.keySet());
    }
}
