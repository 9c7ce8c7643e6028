package io.kinesisconnect.testkit.limits;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One Kinesis API call as the proxy received it: the operation from {@code X-Amz-Target}, the
 * client's headers, the body as sent and as parsed JSON.
 */
record KinesisCall(String operation, Map<String, List<String>> headers, byte[] raw, JsonNode body) {

    /** The prefix of {@code X-Amz-Target} before the operation name. */
    static final String TARGET_PREFIX = "Kinesis_20131202.";

    /** The stream the call names by StreamName or StreamARN, or null when it names none. */
    String stream() {
        String name = text("StreamName");
        if (name != null) {
            return name;
        }
        String arn = text("StreamARN");
        if (arn != null) {
            int slash = arn.lastIndexOf('/');
            return slash < 0 ? arn : arn.substring(slash + 1);
        }
        return null;
    }

    /** The Kinesis operation of an {@code X-Amz-Target} header, or null for another service. */
    static String operationOf(String target) {
        return target != null && target.startsWith(TARGET_PREFIX)
                ? target.substring(TARGET_PREFIX.length())
                : null;
    }

    /** A top-level string field of the body, or null. */
    String text(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
