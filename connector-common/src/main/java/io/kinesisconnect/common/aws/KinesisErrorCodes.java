package io.kinesisconnect.common.aws;

import java.util.Set;

/**
 * The one table of Kinesis error codes both connectors decide by: wait and retry (throttled), stop
 * and tell the operator (credentials), give up on this request (invalid), or retry with backoff
 * (everything else, such as InternalFailure or a timeout).
 */
public final class KinesisErrorCodes {

    /** What an error code means for the caller. */
    public enum ErrorClass {
        /** Over a limit: back off, then the same request can succeed. */
        THROTTLED,
        /** Rejected credentials, missing permission or an unusable KMS key: retries cannot help. */
        CREDENTIALS,
        /** The request itself is wrong: sending it again gives the same answer. */
        INVALID_REQUEST,
        /** Anything else (internal failures, unavailability, timeouts): retry with backoff. */
        TRANSIENT
    }

    private static final Set<String> THROTTLES =
            Set.of(
                    "ProvisionedThroughputExceededException",
                    "LimitExceededException",
                    "ThrottlingException",
                    "KMSThrottlingException",
                    "RequestLimitExceeded");

    private static final Set<String> CREDENTIALS =
            Set.of(
                    "AccessDeniedException",
                    "UnrecognizedClientException",
                    "InvalidSignatureException",
                    "IncompleteSignature",
                    "IncompleteSignatureException",
                    "MissingAuthenticationToken",
                    "ExpiredTokenException",
                    "InvalidClientTokenId",
                    "KMSAccessDeniedException",
                    "KMSDisabledException",
                    "KMSNotFoundException",
                    "KMSInvalidStateException");

    private static final Set<String> INVALID_REQUESTS =
            Set.of("InvalidArgumentException", "ValidationException", "ValidationError");

    private static final int FORBIDDEN = 403;

    private KinesisErrorCodes() {}

    /**
     * Classifies an AWS error.
     *
     * @param status the HTTP status, or 0 when unknown (the KPL reports codes only)
     * @param code the AWS error code, or null when the answer had none
     */
    public static ErrorClass classify(int status, String code) {
        if (code != null && THROTTLES.contains(code)) {
            return ErrorClass.THROTTLED;
        }
        if (status == FORBIDDEN || (code != null && CREDENTIALS.contains(code))) {
            return ErrorClass.CREDENTIALS;
        }
        if (code != null && INVALID_REQUESTS.contains(code)) {
            return ErrorClass.INVALID_REQUEST;
        }
        return ErrorClass.TRANSIENT;
    }

    /**
     * What to tell the operator about a credentials error, naming the permissions the caller needs,
     * such as "kinesis:PutRecords".
     */
    public static String explainCredentials(String code, String neededPermissions) {
        return code
                + ": the credentials were rejected or lack permission ("
                + neededPermissions
                + "); check aws.credentials.provider and the role's policy";
    }
}
