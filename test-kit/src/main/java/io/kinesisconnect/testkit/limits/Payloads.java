package io.kinesisconnect.testkit.limits;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** Sizes of records as AWS counts them against a shard's byte limits. */
final class Payloads {

    private Payloads() {}

    /**
     * The size of one record of a PutRecords/PutRecord request or a GetRecords answer: its data
     * (sent base64-encoded in JSON) plus its partition key.
     */
    static long recordSize(JsonNode record) {
        return base64DecodedLength(record.path("Data").asText(""))
                + record.path("PartitionKey").asText("").getBytes(StandardCharsets.UTF_8).length;
    }

    /** The bytes of every record of a GetRecords answer. */
    static long recordsSize(JsonNode records) {
        long total = 0;
        for (JsonNode record : records) {
            total += recordSize(record);
        }
        return total;
    }

    /**
     * How many of the leading {@code records} of a GetRecords answer fit in {@code maxBytes} and
     * {@code maxRecords}; at least one, so that a reader always moves on.
     */
    static int recordsWithin(JsonNode records, long maxBytes, long maxRecords) {
        int kept = 0;
        long bytes = 0;
        for (JsonNode record : records) {
            bytes += recordSize(record);
            if (kept > 0 && (bytes > maxBytes || kept >= maxRecords)) {
                break;
            }
            kept++;
        }
        return kept;
    }

    static long base64DecodedLength(String base64) {
        int length = base64.length();
        int padding = 0;
        while (padding < 2 && length - padding > 0 && base64.charAt(length - padding - 1) == '=') {
            padding++;
        }
        return (long) length * 3 / 4 - padding;
    }
}
