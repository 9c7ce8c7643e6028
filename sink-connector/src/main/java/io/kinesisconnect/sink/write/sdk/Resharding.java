package io.kinesisconnect.sink.write.sdk;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Which whole-call errors mean that the stream's shards may have changed. */
final class Resharding {

    private static final Set<String> CODES =
            Set.of("ResourceNotFoundException", "ResourceInUseException");

    private Resharding() {}

    static boolean signals(Throwable error) {
        return error instanceof AwsServiceException e
                && e.awsErrorDetails() != null
                && CODES.contains(e.awsErrorDetails().errorCode());
    }
}
