package io.kinesisconnect.testkit.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PutRecords and PutRecord under the per-shard write limits.
 *
 * <p>PutRecords is answered as AWS answers it: 200, with each refused entry carrying {@code
 * ProvisionedThroughputExceededException} and a message, and {@code FailedRecordCount} counting
 * them. Injected entry failures ({@link Fault#PUT_RECORDS_ENTRY_FAILURE}) are answered the same way
 * with {@code InternalFailure}. Only the admitted entries go upstream; their results are merged
 * back in the request's order, so an entry answered as failed was never written. A write whose
 * shard cannot be predicted (no map yet, or a hash key no open shard covers) is forwarded without a
 * limit and the map is read again before the next write.
 */
final class WriteGate {

    static final String PUT_RECORDS = "PutRecords";
    static final String PUT_RECORD = "PutRecord";

    private final KinesisLimiter limiter;
    private final ProxyCounters counters;
    private final Upstream upstream;
    private final ShardMaps shardMaps;
    private final ObjectMapper json;
    private final FaultInjector faults;

    WriteGate(
            KinesisLimiter limiter,
            ProxyCounters counters,
            Upstream upstream,
            ShardMaps shardMaps,
            ObjectMapper json,
            FaultInjector faults) {
        this.faults = faults;
        this.limiter = limiter;
        this.counters = counters;
        this.upstream = upstream;
        this.shardMaps = shardMaps;
        this.json = json;
    }

    HttpReply putRecords(KinesisCall call) throws IOException {
        String stream = call.stream();
        JsonNode entries = call.body().path("Records");
        Optional<ShardMap> map = stream == null ? Optional.empty() : shardMaps.of(stream);
        if (map.isEmpty() || !entries.isArray()) {
            counters.allowed(PUT_RECORDS, stream + "/unmapped", entries.size());
            return upstream.forward(call.headers(), call.raw());
        }
        int count = entries.size();
        JsonNode[] results = new JsonNode[count];
        String[] predicted = new String[count];
        List<Integer> admitted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode entry = entries.get(i);
            Optional<ShardRef> shard = predict(map.get(), stream, entry);
            predicted[i] = shard.map(ShardRef::shardId).orElse(null);
            long size = Payloads.recordSize(entry);
            FaultInjector.Plan entryFault = faults.entry();
            if (entryFault.ending() != null) {
                // Decided before the limit: a failed entry is not written, so it costs no budget.
                results[i] = AwsErrors.failedEntry();
                counters.injected(Fault.PUT_RECORDS_ENTRY_FAILURE, PUT_RECORDS, 1);
                entryFault.scheduled().forEach(counters::countScheduled);
            } else if (shard.isPresent() && !limiter.admitWrite(shard.get(), size)) {
                results[i] = AwsErrors.refusedEntry(shard.get());
                counters.refused(PUT_RECORDS, shard.get().toString(), 1);
            } else {
                admitted.add(i);
                counters.allowed(PUT_RECORDS, scope(stream, shard), 1);
                counters.bytes(PUT_RECORDS, scope(stream, shard), size);
            }
        }
        if (admitted.isEmpty()) {
            return merged(json.createObjectNode(), results, null);
        }
        ObjectNode forwarded = call.body().deepCopy();
        ArrayNode admittedEntries = forwarded.putArray("Records");
        admitted.forEach(i -> admittedEntries.add(entries.get(i)));
        HttpReply reply = upstream.forward(call.headers(), json.writeValueAsBytes(forwarded));
        if (!reply.ok()) {
            return reply;
        }
        JsonNode answer = json.readTree(reply.body());
        JsonNode answered = answer.path("Records");
        if (answered.size() != admitted.size()) {
            throw new IOException(
                    "The upstream answered "
                            + answered.size()
                            + " results for "
                            + admitted.size()
                            + " PutRecords entries");
        }
        for (int j = 0; j < admitted.size(); j++) {
            int i = admitted.get(j);
            results[i] = answered.get(j);
            checkPrediction(stream, predicted[i], answered.get(j));
        }
        return merged((ObjectNode) answer, results, reply);
    }

    HttpReply putRecord(KinesisCall call) throws IOException {
        String stream = call.stream();
        Optional<ShardMap> map = stream == null ? Optional.empty() : shardMaps.of(stream);
        Optional<ShardRef> shard = map.flatMap(m -> predict(m, stream, call.body()));
        long size = Payloads.recordSize(call.body());
        if (shard.isPresent() && !limiter.admitWrite(shard.get(), size)) {
            counters.refused(PUT_RECORD, shard.get().toString(), 1);
            return AwsErrors.throughputExceeded(shard.get());
        }
        counters.allowed(PUT_RECORD, scope(stream, shard), 1);
        counters.bytes(PUT_RECORD, scope(stream, shard), size);
        HttpReply reply = upstream.forward(call.headers(), call.raw());
        if (reply.ok() && stream != null) {
            checkPrediction(
                    stream, shard.map(ShardRef::shardId).orElse(null), json.readTree(reply.body()));
        }
        return reply;
    }

    private Optional<ShardRef> predict(ShardMap map, String stream, JsonNode entry) {
        Optional<String> shardId =
                map.shardFor(
                        entry.path("PartitionKey").asText(""),
                        entry.path("ExplicitHashKey").asText(null));
        if (shardId.isEmpty()) {
            shardMaps.invalidate(stream);
        }
        return shardId.map(id -> new ShardRef(stream, id));
    }

    /** A result that names another shard than predicted means the map is stale: read it again. */
    private void checkPrediction(String stream, String predicted, JsonNode result) {
        JsonNode actual = result.get("ShardId");
        if (actual != null && !actual.isNull() && !actual.asText().equals(predicted)) {
            shardMaps.invalidate(stream);
        }
    }

    private HttpReply merged(ObjectNode answer, JsonNode[] results, HttpReply upstreamReply)
            throws IOException {
        ArrayNode records = answer.putArray("Records");
        int failed = 0;
        for (JsonNode result : results) {
            records.add(result);
            failed += result.hasNonNull("ErrorCode") ? 1 : 0;
        }
        answer.put("FailedRecordCount", failed);
        if (upstreamReply == null) {
            return HttpReply.json(200, json.writeValueAsString(answer), null);
        }
        return new HttpReply(200, upstreamReply.headers(), json.writeValueAsBytes(answer));
    }

    private static String scope(String stream, Optional<ShardRef> shard) {
        return shard.map(ShardRef::toString).orElse(stream + "/unpredicted");
    }
}
