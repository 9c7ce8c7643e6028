package io.kinesisconnect.processes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything a stream held when it was read.
 *
 * @param records the user records, shard by shard in sequence order
 * @param kinesisRecordCount how many Kinesis records carried them; fewer than {@code
 *     records.size()} means the KPL aggregated
 */
public record StreamContents(List<LandedRecord> records, int kinesisRecordCount) {

    public StreamContents {
        records = List.copyOf(records);
    }

    /** How many user records landed. */
    public int size() {
        return records.size();
    }

    /** The user records grouped by partition key, each list in the order it was read. */
    public Map<String, List<LandedRecord>> byPartitionKey() {
        return records.stream()
                .collect(
                        Collectors.groupingBy(
                                LandedRecord::partitionKey,
                                LinkedHashMap::new,
                                Collectors.toList()));
    }

    /** How many user records each shard holds. */
    public Map<String, Long> countByShard() {
        return records.stream()
                .collect(
                        Collectors.groupingBy(
                                LandedRecord::shardId, LinkedHashMap::new, Collectors.counting()));
    }
}
