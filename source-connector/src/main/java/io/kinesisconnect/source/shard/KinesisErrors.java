package io.kinesisconnect.source.shard;

import java.util.Set;

/** Sorts Kinesis error codes into retry-with-backoff, fail-the-task, and everything else. */
final class KinesisErrors {

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

    private KinesisErrors() {}

    static boolean isThrottle(String code) {
        return THROTTLES.contains(code);
    }

    /** Errors that retrying cannot fix: credentials, permissions, encryption keys, bad requests. */
    static boolean isFatal(int status, String code) {
        return CREDENTIALS.contains(code)
                || "InvalidArgumentException".equals(code)
                || status == 403;
    }

    static String explain(String code, RuntimeException e) {
        if (CREDENTIALS.contains(code)) {
            return code
                    + ": the credentials were rejected or lack permission (kinesis:GetRecords,"
                    + " kinesis:GetShardIterator, kinesis:ListShards); check aws.credentials.provider"
                    + " and the role's policy";
        }
        return e.getMessage();
    }
}
