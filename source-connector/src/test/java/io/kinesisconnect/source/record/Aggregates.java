package io.kinesisconnect.source.record;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.kpl.Messages;

/**
 * Builds KPL aggregated records in the documented format: magic, protobuf body, MD5 of the body.
 */
public final class Aggregates {

    private Aggregates() {}

    /** An aggregate of {@code payloads}, each with its own partition key. */
    public static byte[] of(List<String> partitionKeys, List<String> payloads) {
        Messages.AggregatedRecord.Builder aggregate = Messages.AggregatedRecord.newBuilder();
        aggregate.addAllPartitionKeyTable(partitionKeys);
        for (int i = 0; i < payloads.size(); i++) {
            aggregate.addRecords(
                    Messages.Record.newBuilder()
                            .setPartitionKeyIndex(i % partitionKeys.size())
                            .setData(ByteString.copyFrom(payloads.get(i), StandardCharsets.UTF_8)));
        }
        byte[] body = aggregate.build().toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(AggregatorUtil.AGGREGATED_RECORD_MAGIC);
        out.writeBytes(body);
        out.writeBytes(md5(body));
        return out.toByteArray();
    }

    private static byte[] md5(byte[] body) {
        try {
            return MessageDigest.getInstance("MD5").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
