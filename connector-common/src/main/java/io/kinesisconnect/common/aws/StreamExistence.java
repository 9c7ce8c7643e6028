package io.kinesisconnect.common.aws;

import io.kinesisconnect.common.keys.AwsKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Part of both connectors' validation: asks Kinesis which of the named streams do not exist. An
 * endpoint that does not answer, or credentials it rejects, are no verdict (the worker may reach
 * what the validating client cannot), so only a definite "not found" counts.
 */
public final class StreamExistence {

    private static final Logger log = LoggerFactory.getLogger(StreamExistence.class);

    /** Short timeouts and no retries, so that validate() answers quickly; user settings win. */
    private static final Map<String, String> QUICK_CLIENT =
            Map.of(
                    AwsKeys.CLIENT_API_CALL_TIMEOUT_MS, "5000",
                    AwsKeys.CLIENT_API_CALL_ATTEMPT_TIMEOUT_MS, "3000",
                    AwsKeys.CLIENT_CONNECTION_TIMEOUT_MS, "2000",
                    AwsKeys.CLIENT_MAX_RETRIES, "0");

    private StreamExistence() {}

    /**
     * The streams among {@code streams} that Kinesis says do not exist.
     *
     * @param props the connector config
     * @param aws reads the AWS settings out of a connector config (the connector's own config
     *     class)
     * @return the missing streams, or empty when Kinesis could not be asked
     * @throws RuntimeException from building the client, when the AWS settings themselves are
     *     unusable
     */
    public static Optional<List<String>> missing(
            Map<String, String> props,
            Function<Map<String, String>, AwsConfigFragment> aws,
            Collection<String> streams) {
        Map<String, String> quick = new HashMap<>(props);
        QUICK_CLIENT.forEach(quick::putIfAbsent);
        List<String> missing = new ArrayList<>();
        try (KinesisClient client = AwsClientFactory.kinesisClient(aws.apply(quick))) {
            for (String stream : streams) {
                if (!exists(client, stream)) {
                    missing.add(stream);
                }
            }
        } catch (SdkException e) {
            log.info(
                    "Could not check that the streams exist ({}); validating without it",
                    e.toString());
            return Optional.empty();
        }
        return Optional.of(missing);
    }

    /** Where the streams were looked for, for messages: the endpoint, else the region. */
    public static String where(AwsConfigFragment aws) {
        return aws.endpoint()
                .map(Object::toString)
                .orElse(aws.region().orElse("the default region"));
    }

    private static boolean exists(KinesisClient client, String stream) {
        try {
            client.describeStreamSummary(b -> b.streamName(stream));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }
}
