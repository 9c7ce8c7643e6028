package io.kinesisconnect.testkit.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
    static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    static final String EXPIRED_ITERATOR = "ExpiredIteratorException";

    /** AWS's message for a 500 InternalFailure (its list of common errors). */
    static final String INTERNAL_FAILURE_MESSAGE =
            "The request processing has failed because of an unknown error, exception or failure.";

    /** AWS's message for a 503 ServiceUnavailable (its list of common errors). */
    static final String SERVICE_UNAVAILABLE_MESSAGE =
            "The request has failed due to a temporary failure of the server.";

    /** AWS's message for a PutRecords entry that failed inside the service. */
    static final String ENTRY_FAILURE_MESSAGE = "Internal service failure.";

    /** How long AWS keeps a shard iterator valid. */
    private static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(5);

    private static final DateTimeFormatter AWS_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

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

    /** An injected 503 ServiceUnavailable. */
    static HttpReply serviceUnavailable() {
        return error(503, SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_MESSAGE);
    }

    /** An injected 400 ExpiredIteratorException, worded as AWS words it at {@code now}. */
    static HttpReply expiredIterator(Instant now) {
        Instant created = now.minus(ITERATOR_LIFETIME).minusSeconds(1);
        return error(
                400,
                EXPIRED_ITERATOR,
                "Iterator expired. The iterator was created at time "
                        + AWS_TIME.format(created)
                        + " while right now it is "
                        + AWS_TIME.format(now)
                        + " which is further in the future than the tolerated delay of "
                        + ITERATOR_LIFETIME.toMillis()
                        + " milliseconds.");
    }

    /** The per-entry result of a PutRecords entry that an injected fault failed. */
    static ObjectNode failedEntry() {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("ErrorCode", INTERNAL_FAILURE);
        entry.put("ErrorMessage", ENTRY_FAILURE_MESSAGE);
        return entry;
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
