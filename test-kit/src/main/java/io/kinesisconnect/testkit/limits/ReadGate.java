package io.kinesisconnect.testkit.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * GetShardIterator and GetRecords under the per-shard read limits. A GetRecords whose iterator the
 * proxy never saw (it was obtained around the proxy) is forwarded without a limit and counted under
 * {@value #UNKNOWN_ITERATOR}.
 */
final class ReadGate {

    static final String GET_RECORDS = "GetRecords";
    static final String GET_SHARD_ITERATOR = "GetShardIterator";
    static final String UNKNOWN_ITERATOR = "unknown-iterator";

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
        if (reply.ok()) {
            JsonNode answer = json.readTree(reply.body());
            limiter.chargeRead(shard.get(), Payloads.recordsSize(answer.path("Records")));
            iterators.remember(answer.path("NextShardIterator").asText(null), shard.get());
        }
        return reply;
    }
}
