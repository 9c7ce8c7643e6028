package io.kinesisconnect.testkit.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GetShardIterator and GetRecords under the per-shard read limits. A GetRecords whose iterator the
 * proxy never saw (it was obtained around the proxy) is forwarded without a limit and counted under
 * {@value #UNKNOWN_ITERATOR}.
 *
 * <p>An answer above {@link KinesisLimits#getRecordsMaxBytes()} or {@link
 * KinesisLimits#getRecordsMaxRecords()} is cut to its leading records that fit, and its
 * NextShardIterator replaced by an AFTER_SEQUENCE_NUMBER iterator of the last record kept, so the
 * reader's next call returns the first record cut. Cut answers are counted under {@value
 * #GET_RECORDS_CUT}.
 */
final class ReadGate {

    static final String GET_RECORDS = "GetRecords";
    static final String GET_SHARD_ITERATOR = "GetShardIterator";
    static final String UNKNOWN_ITERATOR = "unknown-iterator";
    static final String GET_RECORDS_CUT = "GetRecords cut";

    private final KinesisLimiter limiter;
    private final ProxyCounters counters;
    private final Upstream upstream;
    private final IteratorShards iterators;
    private final ObjectMapper json;

    ReadGate(
            KinesisLimiter limiter,
            ProxyCounters counters,
            Upstream upstream,
            IteratorShards iterators,
            ObjectMapper json) {
        this.limiter = limiter;
        this.counters = counters;
        this.upstream = upstream;
        this.iterators = iterators;
        this.json = json;
    }

    HttpReply getShardIterator(KinesisCall call) throws IOException {
        ShardRef shard = new ShardRef(call.stream(), call.text("ShardId"));
        if (!limiter.admitGetShardIterator(shard)) {
            counters.refused(GET_SHARD_ITERATOR, shard.toString(), 1);
            return AwsErrors.throughputExceeded(shard);
        }
        counters.allowed(GET_SHARD_ITERATOR, shard.toString(), 1);
        HttpReply reply = upstream.forward(call.headers(), call.raw());
        if (reply.ok()) {
            iterators.remember(
                    json.readTree(reply.body()).path("ShardIterator").asText(null), shard);
        }
        return reply;
    }

    HttpReply getRecords(KinesisCall call) throws IOException {
        Optional<ShardRef> shard = iterators.shardOf(call.text("ShardIterator"));
        if (shard.isEmpty()) {
            counters.allowed(GET_RECORDS, UNKNOWN_ITERATOR, 1);
            return upstream.forward(call.headers(), call.raw());
        }
        if (!limiter.admitGetRecords(shard.get())) {
            counters.refused(GET_RECORDS, shard.get().toString(), 1);
            return AwsErrors.throughputExceeded(shard.get());
        }
        counters.allowed(GET_RECORDS, shard.get().toString(), 1);
        HttpReply reply = upstream.forward(call.headers(), call.raw());
        if (!reply.ok()) {
            return reply;
        }
        JsonNode answer = json.readTree(reply.body());
        JsonNode records = answer.path("Records");
        KinesisLimits limits = limiter.limits();
        int kept =
                Payloads.recordsWithin(
                        records, limits.getRecordsMaxBytes(), limits.getRecordsMaxRecords());
        if (kept < records.size()) {
            answer = cut((ObjectNode) answer, kept, shard.get(), call);
            reply = new HttpReply(200, reply.headers(), json.writeValueAsBytes(answer));
        }
        long returned = Payloads.recordsSize(answer.path("Records"));
        limiter.chargeRead(shard.get(), returned);
        counters.bytes(GET_RECORDS, shard.get().toString(), returned);
        iterators.remember(answer.path("NextShardIterator").asText(null), shard.get());
        return reply;
    }

    /**
     * {@code answer} with only its first {@code kept} records, and a NextShardIterator after the
     * last of them. ChildShards go: the reader has not reached the end of the shard.
     */
    private ObjectNode cut(ObjectNode answer, int kept, ShardRef shard, KinesisCall call)
            throws IOException {
        ArrayNode all = (ArrayNode) answer.get("Records");
        ArrayNode keep = json.createArrayNode();
        for (int i = 0; i < kept; i++) {
            keep.add(all.get(i));
        }
        String last = keep.get(kept - 1).path("SequenceNumber").asText();
        ObjectNode request = json.createObjectNode();
        request.put("StreamName", shard.stream());
        request.put("ShardId", shard.shardId());
        request.put("ShardIteratorType", "AFTER_SEQUENCE_NUMBER");
        request.put("StartingSequenceNumber", last);
        HttpReply iterator =
                upstream.forward(
                        withTarget(call.headers(), GET_SHARD_ITERATOR),
                        json.writeValueAsBytes(request));
        if (!iterator.ok()) {
            throw new IOException(
                    "The upstream refused an iterator after "
                            + last
                            + " on "
                            + shard
                            + " for a cut GetRecords answer: "
                            + iterator.status()
                            + " "
                            + new String(iterator.body(), StandardCharsets.UTF_8));
        }
        answer.set("Records", keep);
        answer.put(
                "NextShardIterator", json.readTree(iterator.body()).path("ShardIterator").asText());
        answer.remove("ChildShards");
        counters.allowed(GET_RECORDS_CUT, shard.toString(), 1);
        return answer;
    }

    /** The client's headers with {@code X-Amz-Target} naming {@code operation} instead. */
    private static Map<String, List<String>> withTarget(
            Map<String, List<String>> headers, String operation) {
        Map<String, List<String>> changed = new HashMap<>();
        headers.forEach(
                (name, values) -> {
                    if (!name.equalsIgnoreCase("X-Amz-Target")) {
                        changed.put(name, values);
                    }
                });
        changed.put("X-Amz-Target", List.of(KinesisCall.TARGET_PREFIX + operation));
        return changed;
    }
}
