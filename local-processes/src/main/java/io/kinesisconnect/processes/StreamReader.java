package io.kinesisconnect.processes;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * Reads back everything a stream holds, independently of the connectors: every shard, open or
 * closed, from TRIM_HORIZON to its current end, with KPL aggregates expanded by the KCL's own
 * deaggregator. Sink tests use it to check what really landed in Kinesis.
 */
public final class StreamReader {

    private static final int MAX_RECORDS_PER_CALL = 10_000;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private final KinesisClient client;
    private final KinesisStreams streams;
    private final AggregatorUtil aggregator = new AggregatorUtil();

    public StreamReader(KinesisClient client) {
        this.client = client;
        this.streams = new KinesisStreams(client);
    }

    /** Reads every shard of {@code stream} to its current end. */
    public StreamContents readAll(String stream) {
        List<LandedRecord> records = new ArrayList<>();
        int kinesisRecords = 0;
        for (Shard shard : streams.shards(stream)) {
            kinesisRecords += readShard(stream, shard.shardId(), records);
        }
        return new StreamContents(records, kinesisRecords);
    }

    /**
     * Reads the stream again and again until it holds at least {@code expected} user records, and
     * returns what it read last.
     *
     * @throws AssertionError if the stream still holds fewer after {@code timeout}
     */
    public StreamContents awaitAtLeast(String stream, int expected, Duration timeout) {
        StreamContents[] last = {new StreamContents(List.of(), 0)};
        Await.until(
                expected + " user records in stream " + stream,
                timeout,
                () -> {
                    last[0] = readAll(stream);
                    return last[0].size() >= expected;
                },
                () -> last[0].size() + " user records");
        return last[0];
    }

    /** {@link #awaitAtLeast(String, int, Duration)} with a two-minute deadline. */
    public StreamContents awaitAtLeast(String stream, int expected) {
        return awaitAtLeast(stream, expected, DEFAULT_TIMEOUT);
    }

    private int readShard(String stream, String shardId, List<LandedRecord> into) {
        String iterator =
                client.getShardIterator(
                                b ->
                                        b.streamName(stream)
                                                .shardId(shardId)
                                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                        .shardIterator();
        int kinesisRecords = 0;
        while (iterator != null) {
            String current = iterator;
            GetRecordsResponse response =
                    client.getRecords(b -> b.shardIterator(current).limit(MAX_RECORDS_PER_CALL));
            kinesisRecords += response.records().size();
            List<KinesisClientRecord> raw =
                    response.records().stream().map(KinesisClientRecord::fromRecord).toList();
            for (KinesisClientRecord record : aggregator.deaggregate(raw)) {
                into.add(toLanded(shardId, record));
            }
            boolean caughtUp =
                    response.records().isEmpty()
                            && (response.millisBehindLatest() == null
                                    || response.millisBehindLatest() == 0);
            iterator = caughtUp ? null : response.nextShardIterator();
        }
        return kinesisRecords;
    }

    private static LandedRecord toLanded(String shardId, KinesisClientRecord record) {
        ByteBuffer data = record.data().asReadOnlyBuffer();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return new LandedRecord(
                shardId,
                record.sequenceNumber(),
                record.subSequenceNumber(),
                record.aggregated(),
                record.partitionKey(),
                record.explicitHashKey(),
                bytes,
                record.approximateArrivalTimestamp());
    }
}
