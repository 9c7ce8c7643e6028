package io.kinesisconnect.testkit.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates between the two wire formats of Kinesis's JSON 1.1 protocol, so that the proxy keeps
 * one internal representation (JSON, as the emulators speak it) whatever the client sends.
 *
 * <p>The shapes differ in two kinds of member, named here from the Kinesis API model:
 *
 * <ul>
 *   <li>blobs ({@code Data}) are CBOR byte strings, but base64 strings in JSON;
 *   <li>timestamps are epoch milliseconds in CBOR (the SDK v2 writes tag 1 and a whole number of
 *       milliseconds, and reads a number as milliseconds), but epoch seconds, with a fraction, in
 *       JSON.
 * </ul>
 *
 * Every other member keeps its value.
 */
final class CborTranscoder {

    /** The content type of CBOR calls, the SDK v2 default unless {@code aws.cborEnabled=false}. */
    static final String CBOR = "application/x-amz-cbor-1.1";

    /** The blob members of every Kinesis request and answer. */
    static final Set<String> BLOBS = Set.of("Data");

    /** The timestamp members of every Kinesis request and answer. */
    static final Set<String> TIMESTAMPS =
            Set.of(
                    "ApproximateArrivalTimestamp",
                    "Timestamp",
                    "StreamCreationTimestamp",
                    "ConsumerCreationTimestamp",
                    "ChannelCreationTimestamp",
                    "StartedAt",
                    "EndedAt",
                    "EarliestAllowedEndAt");

    private final ObjectMapper json;
    private final ObjectMapper cbor = new CBORMapper();

    CborTranscoder(ObjectMapper json) {
        this.json = json;
    }

    /** Whether a request with this {@code Content-Type} is CBOR. */
    static boolean isCbor(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith(CBOR);
    }

    /** A CBOR request body as the JSON body the emulators take. */
    JsonNode requestToJson(byte[] cborBody) throws IOException {
        if (cborBody.length == 0) {
            return json.createObjectNode();
        }
        return toJsonShape(null, cbor.readTree(cborBody));
    }

    /**
     * A JSON answer (the upstream's, or the proxy's own refusal or fault) as the CBOR answer the
     * client asked for. A body that is not JSON (kinesis-mock answers some 500s without one) is
     * passed on as it is.
     */
    HttpReply replyToCbor(HttpReply reply) throws IOException {
        JsonNode answer;
        try {
            answer = reply.body().length == 0 ? null : json.readTree(reply.body());
        } catch (IOException notJson) {
            return reply;
        }
        byte[] body =
                answer == null ? reply.body() : cbor.writeValueAsBytes(toCborShape(null, answer));
        return new HttpReply(reply.status(), withContentType(reply.headers(), CBOR), body);
    }

    /** {@code headers} with the {@code Content-Type} replaced by {@code contentType}. */
    static Map<String, List<String>> withContentType(
            Map<String, List<String>> headers, String contentType) {
        Map<String, List<String>> changed = new HashMap<>();
        headers.forEach(
                (name, values) -> {
                    if (!name.equalsIgnoreCase("Content-Type")) {
                        changed.put(name, values);
                    }
                });
        changed.put("Content-Type", List.of(contentType));
        return changed;
    }

    /** {@code node}, the value of member {@code member}, with blobs and timestamps as in JSON. */
    private JsonNode toJsonShape(String member, JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = json.createObjectNode();
            node.fields()
                    .forEachRemaining(
                            e -> out.set(e.getKey(), toJsonShape(e.getKey(), e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = json.createArrayNode();
            node.forEach(element -> out.add(toJsonShape(member, element)));
            return out;
        }
        if (node.isBinary() && BLOBS.contains(member)) {
            return TextNode.valueOf(Base64.getEncoder().encodeToString(binary(node)));
        }
        if (node.isNumber() && TIMESTAMPS.contains(member)) {
            return DecimalNode.valueOf(node.decimalValue().movePointLeft(3));
        }
        return node;
    }

    /** {@code node}, the value of member {@code member}, with blobs and timestamps as in CBOR. */
    private JsonNode toCborShape(String member, JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = cbor.createObjectNode();
            node.fields()
                    .forEachRemaining(
                            e -> out.set(e.getKey(), toCborShape(e.getKey(), e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = cbor.createArrayNode();
            node.forEach(element -> out.add(toCborShape(member, element)));
            return out;
        }
        if (node.isTextual() && BLOBS.contains(member)) {
            return BinaryNode.valueOf(Base64.getDecoder().decode(node.asText()));
        }
        if (node.isNumber() && TIMESTAMPS.contains(member)) {
            BigDecimal millis = node.decimalValue().movePointRight(3);
            return LongNode.valueOf(millis.setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
        return node;
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw new IllegalStateException("A binary node without bytes", e);
        }
    }
}
