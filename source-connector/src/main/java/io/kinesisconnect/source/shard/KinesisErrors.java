package io.kinesisconnect.source.shard;

import io.kinesisconnect.common.aws.KinesisErrorCodes;
import io.kinesisconnect.common.aws.KinesisErrorCodes.ErrorClass;

/** What a reader does with a Kinesis error code, by the shared table in connector-common. */
final class KinesisErrors {

    private static final String READ_PERMISSIONS =
            "kinesis:GetRecords, kinesis:GetShardIterator, kinesis:ListShards";

    private KinesisErrors() {}

    static boolean isThrottle(String code) {
        return KinesisErrorCodes.classify(0, code) == ErrorClass.THROTTLED;
    }

    /** Errors that retrying cannot fix: credentials, permissions, encryption keys, bad requests. */
    static boolean isFatal(int status, String code) {
        ErrorClass kind = KinesisErrorCodes.classify(status, code);
        return kind == ErrorClass.CREDENTIALS || kind == ErrorClass.INVALID_REQUEST;
    }

    static String explain(String code, RuntimeException e) {
        return KinesisErrorCodes.classify(0, code) == ErrorClass.CREDENTIALS
                ? KinesisErrorCodes.explainCredentials(code, READ_PERMISSIONS)
                : e.getMessage();
    }
}
