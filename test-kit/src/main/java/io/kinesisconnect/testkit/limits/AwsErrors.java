package io.kinesisconnect.testkit.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The refusals AWS sends, with its {@code __type} and message shapes, so that the SDK's and the
 * KPL's retry logic see exactly what they would see on AWS.
 */
final class AwsErrors {

    /** The account the emulators report; messages name it as AWS names the caller's account. */
    static final String ACCOUNT_ID = "000000000000";

    static final String THROUGHPUT_EXCEEDED = "ProvisionedThroughputExceededException";
    static final String LIMIT_EXCEEDED = "LimitExceededException";
    static final String INTERNAL_FAILURE = "InternalFailure";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsErrors() {}

    /** The message of a per-shard refusal, as AWS words it. */
    static String shardRateExceeded(ShardRef shard) {
        return "Rate exceeded for shard "
                + shard.shardId()
                + " in stream "
                + shard.stream()
                + " under account "
                + ACCOUNT_ID
                + ".";
    }

    /** A 400 ProvisionedThroughputExceededException for a call on {@code shard}. */
    static HttpReply throughputExceeded(ShardRef shard) {
        return error(400, THROUGHPUT_EXCEEDED, shardRateExceeded(shard));
    }

    /** A 400 LimitExceededException for a control-plane call. */
    static HttpReply limitExceeded(String api, String scope) {
        String subject = KinesisLimiter.ACCOUNT.equals(scope) ? "" : " for stream " + scope;
        return error(
                400,
                LIMIT_EXCEEDED,
                "Rate exceeded for " + api + subject + " under account " + ACCOUNT_ID + ".");
    }

    /** A 500 InternalFailure, for a proxy that could not do its job. */
    static HttpReply internalFailure(String message) {
        return error(500, INTERNAL_FAILURE, message);
    }

    /** The per-entry result of a PutRecords entry the proxy refused. */
    static ObjectNode refusedEntry(ShardRef shard) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("ErrorCode", THROUGHPUT_EXCEEDED);
        entry.put("ErrorMessage", shardRateExceeded(shard));
        return entry;
    }

    /** An error answer with AWS's body shape and error-type header. */
    static HttpReply error(int status, String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", type);
        body.put("message", message);
        return HttpReply.json(status, body.toString(), type);
    }
}
