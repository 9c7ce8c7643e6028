package io.kinesisconnect.testkit.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each HTTP exchange to the gate of its operation and writes the answer back, after the
 * faults drawn for the call: latency first, then a call-ending fault instead of the gate.
 *
 * <p>Inside, every call is JSON ({@code application/x-amz-json-1.1}), as the emulators speak it. A
 * CBOR call ({@code application/x-amz-cbor-1.1}, the SDK v2 default) is transcoded to JSON on
 * arrival and forwarded as JSON, and every answer to it (the upstream's, a refusal, an injected
 * fault) is transcoded back to CBOR: see {@link CborTranscoder}.
 */
final class ProxyHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ProxyHandler.class);

    /** Operations after which the shard map of their stream is stale. */
    private static final Set<String> RESHARDING =
            Set.of("SplitShard", "MergeShards", "UpdateShardCount");

    /** The answer that is no answer: the connection is closed instead. */
    private static final HttpReply DROPPED = new HttpReply(0, Map.of(), new byte[0]);

    private final ObjectMapper json;
    private final Upstream upstream;
    private final ShardMaps shardMaps;
    private final WriteGate writes;
    private final ReadGate reads;
    private final ControlGate control;
    private final ProxyCounters counters;
    private final FaultInjector faults;
    private final CborTranscoder cbor;

    ProxyHandler(
            ObjectMapper json,
            Upstream upstream,
            ShardMaps shardMaps,
            WriteGate writes,
            ReadGate reads,
            ControlGate control,
            ProxyCounters counters,
            FaultInjector faults) {
        this.counters = counters;
        this.faults = faults;
        this.json = json;
        this.upstream = upstream;
        this.shardMaps = shardMaps;
        this.writes = writes;
        this.reads = reads;
        this.control = control;
        this.cbor = new CborTranscoder(json);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean speaksCbor =
                CborTranscoder.isCbor(exchange.getRequestHeaders().getFirst("Content-Type"));
        HttpReply reply;
        try {
            reply = answer(exchange, speaksCbor);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not serve a call through upstream={}", upstream.endpoint(), e);
            reply =
                    AwsErrors.internalFailure(
                            "The Kinesis limits proxy could not forward the call to "
                                    + upstream.endpoint()
                                    + ": "
                                    + e);
        }
        if (reply == DROPPED) {
            // Closing an exchange before its headers are sent closes the connection: the client
            // sees its request go unanswered.
            exchange.close();
            return;
        }
        write(exchange, speaksCbor ? cbor.replyToCbor(reply) : reply);
    }

    private HttpReply answer(HttpExchange exchange, boolean speaksCbor) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = exchange.getRequestHeaders();
        String operation =
                KinesisCall.operationOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        if (operation == null) {
            return AwsErrors.error(
                    400,
                    "UnknownOperationException",
                    "The Kinesis limits proxy needs an X-Amz-Target of "
                            + KinesisCall.TARGET_PREFIX
                            + "<Operation>");
        }
        JsonNode body;
        if (speaksCbor) {
            // From here on the call is JSON: the gates, the limits and the upstream see no CBOR.
            body = cbor.requestToJson(raw);
            raw = json.writeValueAsBytes(body);
            headers = CborTranscoder.withContentType(headers, HttpReply.JSON);
            counters.countTranscoded(operation);
        } else {
            body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
        }
        HttpReply injected = inject(faults.plan(operation), operation);
        if (injected != null) {
            return injected;
        }
        return route(new KinesisCall(operation, headers, raw, body));
    }

    private HttpReply route(KinesisCall call) throws IOException {
        switch (call.operation()) {
            case WriteGate.PUT_RECORDS:
                return writes.putRecords(call);
            case WriteGate.PUT_RECORD:
                return writes.putRecord(call);
            case ReadGate.GET_RECORDS:
                return reads.getRecords(call);
            case ReadGate.GET_SHARD_ITERATOR:
                return reads.getShardIterator(call);
            default:
                break;
        }
        var refusal = control.refusal(call);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        HttpReply reply = upstream.forward(call.headers(), call.raw());
        if (RESHARDING.contains(call.operation()) && call.stream() != null) {
            shardMaps.invalidate(call.stream());
        }
        return reply;
    }

    /** Waits out the plan's latency, then the answer of its call-ending fault, or null. */
    private HttpReply inject(FaultInjector.Plan plan, String operation) throws IOException {
        if (plan.latencyMillis() > 0) {
            counters.injected(Fault.LATENCY, operation, 1);
            try {
                Thread.sleep(plan.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted during injected latency", e);
            }
        }
        plan.scheduled().forEach(counters::countScheduled);
        if (plan.ending() == null) {
            return null;
        }
        counters.injected(plan.ending(), operation, 1);
        return switch (plan.ending()) {
            case INTERNAL_FAILURE -> AwsErrors.internalFailure(AwsErrors.INTERNAL_FAILURE_MESSAGE);
            case SERVICE_UNAVAILABLE -> AwsErrors.serviceUnavailable();
            case EXPIRED_ITERATOR -> AwsErrors.expiredIterator(Instant.now());
            case DROPPED_CONNECTION -> DROPPED;
            default -> throw new IllegalStateException(plan.ending() + " does not end a call");
        };
    }

    private static void write(HttpExchange exchange, HttpReply reply) throws IOException {
        reply.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
