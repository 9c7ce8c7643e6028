package io.kinesisconnect.common.aws;

import io.kinesisconnect.common.keys.AwsKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Part of both connectors' validation: asks Kinesis whether the streams a config names exist, and
 * gives one verdict both connectors turn into field errors the same way: missing streams on the
 * stream keys, rejected credentials or unusable AWS settings on the credentials key, and an
 * endpoint that cannot be reached as a warning with the check skipped.
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

    /** Asks Kinesis about one stream: true when it exists. */
    @FunctionalInterface
    public interface StreamLookup {
        boolean exists(String stream);
    }

    private StreamExistence() {}

    /**
     * Asks Kinesis, through a quick client built from the connector config, about {@code streams}.
     *
     * @param props the connector config
     * @param aws reads the AWS settings out of a connector config (the connector's own config
     *     class)
     */
    public static StreamVerdict check(
            Map<String, String> props,
            Function<Map<String, String>, AwsConfigFragment> aws,
            Collection<String> streams) {
        Map<String, String> quick = new HashMap<>(props);
        QUICK_CLIENT.forEach(quick::putIfAbsent);
        KinesisClient client;
        try {
            client = AwsClientFactory.kinesisClient(aws.apply(quick));
        } catch (SdkException e) {
            // Such as no region in this process's environment: the SDK's own lookups, which the
            // worker's tasks repeat where the environment may differ, are no verdict.
            return unreachable(e);
        } catch (RuntimeException e) {
            return new StreamVerdict.CredentialsRejected(
                    "Cannot create a Kinesis client with these AWS settings: " + e.getMessage());
        }
        try (client) {
            return check(stream -> StreamQueries.exists(client, stream), streams);
        }
    }

    /** The verdict over {@code streams}, asking {@code lookup} about each. */
    public static StreamVerdict check(StreamLookup lookup, Collection<String> streams) {
        List<String> missing = new ArrayList<>();
        try {
            for (String stream : streams) {
                if (!lookup.exists(stream)) {
                    missing.add(stream);
                }
            }
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (KinesisErrorCodes.classify(e.statusCode(), code)
                    == KinesisErrorCodes.ErrorClass.CREDENTIALS) {
                return new StreamVerdict.CredentialsRejected(
                        KinesisErrorCodes.explainCredentials(
                                code == null ? "HTTP " + e.statusCode() : code,
                                "kinesis:DescribeStreamSummary"));
            }
            return unreachable(e);
        } catch (SdkException e) {
            return unreachable(e);
        }
        return new StreamVerdict.Checked(missing);
    }

    private static StreamVerdict unreachable(SdkException e) {
        log.warn(
                "Could not ask Kinesis whether the streams exist ({}); validating without that"
                        + " check",
                e.toString());
        return new StreamVerdict.Unreachable(e.toString());
    }

    /** Where the streams were looked for, for messages: the endpoint, else the region. */
    public static String where(AwsConfigFragment aws) {
        return aws.endpoint()
                .map(Object::toString)
                .orElse(aws.region().orElse("the default region"));
    }
}
