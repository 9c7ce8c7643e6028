package io.kinesisconnect.source;

import io.kinesisconnect.common.aws.AwsClientFactory;
import io.kinesisconnect.common.keys.AwsKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Part of validation: asks Kinesis whether the configured streams exist. An unreachable endpoint or
 * rejected credentials are not validation errors here (the worker may see a network the validating
 * client cannot), so only a definite "not found" is reported.
 */
final class StreamExistenceCheck {

    private static final Logger log = LoggerFactory.getLogger(StreamExistenceCheck.class);

    private final Map<String, String> props;

    StreamExistenceCheck(Map<String, String> props) {
        Map<String, String> quick = new HashMap<>(props);
        // Validation must answer quickly, even when the endpoint does not.
        quick.putIfAbsent(AwsKeys.CLIENT_API_CALL_TIMEOUT_MS, "5000");
        quick.putIfAbsent(AwsKeys.CLIENT_MAX_RETRIES, "0");
        this.props = quick;
    }

    /** A message naming the streams that do not exist, or empty. */
    Optional<String> missingStreams(List<String> streams) {
        List<String> missing = new ArrayList<>();
        KinesisSourceConfig config = new KinesisSourceConfig(props);
        try (KinesisClient client = AwsClientFactory.kinesisClient(config.aws())) {
            for (String stream : streams) {
                try {
                    client.describeStreamSummary(b -> b.streamName(stream));
                } catch (ResourceNotFoundException e) {
                    missing.add(stream);
                }
            }
        } catch (SdkException e) {
            log.info(
                    "Could not check that the streams exist ({}); validating without it",
                    e.toString());
            return Optional.empty();
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String where =
                config.aws()
                        .endpoint()
                        .map(Object::toString)
                        .orElse(config.aws().region().orElse("the default region"));
        return Optional.of(
                "Stream(s) "
                        + missing
                        + " do not exist at "
                        + where
                        + "; create them or fix kinesis.streams / aws.region");
    }
}
