package io.kinesisconnect.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.kpl.Messages;

/**
 * The reader expands KPL aggregates with the KCL's deaggregator on this module's own class path,
 * which keeps only the few jars the deaggregator needs (the quickstart runs on it).
 */
class StreamReaderTest {

    @Test
    void expandsAnAggregateIntoItsUserRecordsNextToAPlainRecord() {
        Record aggregate = record("1", aggregate(List.of("a-0", "a-1", "a-2")));
        Record plain = record("2", "plain".getBytes(StandardCharsets.UTF_8));
        OneShardStream stream = new OneShardStream(List.of(aggregate, plain));

        StreamContents contents = new StreamReader(stream).readAll("orders");

        assertThat(contents.kinesisRecordCount()).isEqualTo(2);
        assertThat(contents.records())
                .extracting(LandedRecord::dataAsString)
                .containsExactly("a-0", "a-1", "a-2", "plain");
        assertThat(contents.records())
                .extracting(LandedRecord::aggregated)
                .containsExactly(true, true, true, false);
        assertThat(contents.records())
                .extracting(LandedRecord::subSequenceNumber)
                .containsExactly(0L, 1L, 2L, 0L);
        assertThat(contents.records())
                .extracting(LandedRecord::partitionKey)
                .containsExactly("key-0", "key-1", "key-0", "outer-2");
        assertThat(stream.getRecordsCalls).isEqualTo(2);
    }

    private static Record record(String sequenceNumber, byte[] data) {
        return Record.builder()
                .sequenceNumber(sequenceNumber)
                .partitionKey("outer-" + sequenceNumber)
                .data(SdkBytes.fromByteArray(data))
                .build();
    }

    /** A KPL aggregate in the documented format: magic, protobuf body, MD5 of the body. */
    private static byte[] aggregate(List<String> payloads) {
        List<String> keys = List.of("key-0", "key-1");
        Messages.AggregatedRecord.Builder body = Messages.AggregatedRecord.newBuilder();
        body.addAllPartitionKeyTable(keys);
        for (int i = 0; i < payloads.size(); i++) {
            body.addRecords(
                    Messages.Record.newBuilder()
                            .setPartitionKeyIndex(i % keys.size())
                            .setData(ByteString.copyFromUtf8(payloads.get(i))));
        }
        byte[] bytes = body.build().toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(AggregatorUtil.AGGREGATED_RECORD_MAGIC);
        out.writeBytes(bytes);
        out.writeBytes(md5(bytes));
        return out.toByteArray();
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One shard holding {@code records}: one GetRecords page with them, then an empty one. */
    private static final class OneShardStream implements KinesisClient {

        private final List<Record> records;
        private int getRecordsCalls;

        OneShardStream(List<Record> records) {
            this.records = new ArrayList<>(records);
        }

        @Override
        public ListShardsResponse listShards(ListShardsRequest request) {
            return ListShardsResponse.builder()
                    .shards(Shard.builder().shardId("shardId-000000000000").build())
                    .build();
        }

        @Override
        public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
            return GetShardIteratorResponse.builder().shardIterator("page-0").build();
        }

        @Override
        public GetRecordsResponse getRecords(GetRecordsRequest request) {
            getRecordsCalls++;
            boolean first = request.shardIterator().equals("page-0");
            return GetRecordsResponse.builder()
                    .records(first ? records : List.of())
                    .nextShardIterator(first ? "page-1" : "page-2")
                    .millisBehindLatest(0L)
                    .build();
        }

        @Override
        public String serviceName() {
            return "kinesis";
        }

        @Override
        public void close() {}
    }
}
