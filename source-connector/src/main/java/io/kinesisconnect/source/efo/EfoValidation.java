package io.kinesisconnect.source.efo;

import io.kinesisconnect.common.aws.AwsClientFactory;
import io.kinesisconnect.common.aws.AwsConfigFragment;
import io.kinesisconnect.common.config.ConfigErrors;
import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.source.kinesis.ConsumerProxy;
import io.kinesisconnect.source.kinesis.SdkConsumerProxy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * What validation checks against Kinesis for enhanced fan-out: that a plain-http endpoint answers
 * HTTP/2, and that a self-managed consumer exists.
 */
public final class EfoValidation {

    private static final long PROBE_SECONDS = 10;

    private EfoValidation() {}

    /**
     * @return error messages per key; empty when all is well
     */
    public static Map<String, List<String>> check(
            AwsConfigFragment aws,
            List<String> streams,
            String consumerName,
            EfoRegistration registration) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        aws.endpoint()
                .filter(uri -> "http".equals(uri.getScheme()))
                .ifPresent(
                        uri ->
                                http2Error(aws, streams.get(0), uri)
                                        .ifPresent(
                                                message ->
                                                        ConfigErrors.add(
                                                                errors,
                                                                AwsKeys.ENDPOINT,
                                                                message)));
        if (errors.isEmpty() && registration == EfoRegistration.SELF_MANAGED) {
            try (KinesisClient client = AwsClientFactory.kinesisClient(aws)) {
                ConsumerProxy consumers = new SdkConsumerProxy(client);
                for (String stream : streams) {
                    String streamArn = consumers.streamArn(stream);
                    if (consumers.describeConsumer(streamArn, consumerName).isEmpty()) {
                        ConfigErrors.add(
                                errors,
                                EfoConfigFragment.CONSUMER_NAME_CONFIG,
                                ConsumerRegistration.missing(stream, consumerName));
                    }
                }
            }
        }
        return errors;
    }

    /**
     * One call over HTTP/2 prior knowledge (h2c): any answer from the service, even an error, shows
     * the endpoint speaks it; a connection or protocol failure shows it does not.
     */
    private static Optional<String> http2Error(AwsConfigFragment aws, String stream, URI endpoint) {
        try (KinesisAsyncClient client = AwsClientFactory.kinesisAsyncClient(aws)) {
            client.describeStreamSummary(b -> b.streamName(stream))
                    .get(PROBE_SECONDS, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AwsServiceException) {
                return Optional.empty();
            }
            return Optional.of(noHttp2(endpoint, e.getCause().toString()));
        } catch (TimeoutException e) {
            return Optional.of(noHttp2(endpoint, "no answer within " + PROBE_SECONDS + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(noHttp2(endpoint, "interrupted"));
        }
    }

    private static String noHttp2(URI endpoint, String cause) {
        return "kinesis.reader.type=efo needs HTTP/2, and the plain-http endpoint "
                + endpoint
                + " did not answer HTTP/2 without TLS (h2c): "
                + cause
                + ". Use an https:// endpoint, which negotiates HTTP/2 (for kinesis-mock its TLS"
                + " port, with aws.tls.verify.certificates=false), or kinesis.reader.type=polling";
    }
}
