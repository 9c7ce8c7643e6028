package io.kinesisconnect.sink.write;

import java.util.Set;

/** Which Kinesis/KPL error codes mean that writing the same record again cannot succeed. */
final class FailureCodes {

    /** The request itself is wrong: writing it again gives the same answer. */
    private static final Set<String> PERMANENT =
            Set.of("InvalidArgumentException", "ValidationException", "ValidationError");

    private FailureCodes() {}

    static boolean isPermanent(String errorCode) {
        return errorCode != null && PERMANENT.contains(errorCode);
    }
}
