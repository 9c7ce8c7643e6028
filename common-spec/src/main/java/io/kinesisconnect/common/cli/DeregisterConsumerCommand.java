package io.kinesisconnect.common.cli;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.keys.ConnectKeys;
import io.kinesisconnect.common.keys.SourceKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * {@code deregister-consumer}: removes a deleted source connector's enhanced fan-out consumer,
 * which goes on being billed per shard hour until it is deregistered.
 */
@Command(
        name = "deregister-consumer",
        mixinStandardHelpOptions = true,
        description = {
            "Deregister the enhanced fan-out consumer of a source connector (kinesis.reader.type=efo)"
                    + " from its streams, after the connector was deleted. The connector never does"
                    + " this itself: Connect does not tell it a delete from a restart.",
            "Reads the streams, the consumer name (kinesis.efo.consumer.name, else the connector's"
                    + " name), aws.region, aws.endpoint and aws.tls.verify.certificates from the"
                    + " connector's config file; options override them. Credentials come from the"
                    + " SDK's default chain (environment, profile, instance or pod role), or"
                    + " --profile, like the AWS CLI; it needs kinesis:DescribeStreamSummary,"
                    + " kinesis:DescribeStreamConsumer and kinesis:DeregisterStreamConsumer.",
            "A consumer that is not registered is reported and left alone. Exit code 1 if a stream"
                    + " is missing or a call fails."
        },
        footer = {
            "",
            "Examples:",
            "  kinesis-connect deregister-consumer --config config/kinesis-source.json --dry-run",
            "  kinesis-connect deregister-consumer --stream orders --consumer-name orders-efo"
                    + " --region eu-west-1"
        })
final class DeregisterConsumerCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "The source connector's config as submitted: {\"name\": ..., \"config\": {...}}"
                            + " or the flat config object.")
    Path configFile;

    @Option(
            names = "--stream",
            paramLabel = "STREAM",
            description = "A stream to deregister from (repeatable); default: kinesis.streams.")
    List<String> streams;

    @Option(
            names = "--consumer-name",
            paramLabel = "NAME",
            description = "Default: kinesis.efo.consumer.name, else the connector's name.")
    String consumerName;

    @Option(names = "--region", paramLabel = "REGION", description = "Overrides aws.region.")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Overrides aws.endpoint.")
    String endpoint;

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description = "A named profile of the AWS shared config files.")
    String profile;

    @Option(
            names = "--no-verify-certificates",
            description =
                    "Trust any TLS certificate (local emulators only). Also on when the config"
                            + " file sets aws.tls.verify.certificates=false.")
    boolean trustAllCertificates;

    @Option(
            names = "--dry-run",
            description = "Show what would be deregistered, without changing anything.")
    boolean dryRun;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, String> config =
                configFile == null ? Map.of() : ConnectorConfigFile.read(configFile);
        Map<String, String> settings = new LinkedHashMap<>(config);
        if (region != null) {
            settings.put(AwsKeys.REGION, region);
        }
        if (endpoint != null) {
            settings.put(AwsKeys.ENDPOINT, endpoint);
        }
        List<String> targets =
                streams != null
                        ? streams
                        : ConnectorConfigFile.list(settings.get(SourceKeys.STREAMS));
        if (targets.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "no stream: give --stream, or --config with " + SourceKeys.STREAMS);
        }
        String name = consumerName(settings);
        try (KinesisClient client = client(settings)) {
            return new ConsumerDeregistration(
                            client, spec.commandLine().getOut(), spec.commandLine().getErr())
                    .run(targets, name, dryRun);
        }
    }

    private KinesisClient client(Map<String, String> settings) {
        boolean trustAll =
                trustAllCertificates
                        || "false".equalsIgnoreCase(settings.get(AwsKeys.TLS_VERIFY_CERTIFICATES));
        AttributeMap tls =
                trustAll
                        ? AttributeMap.builder()
                                .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true)
                                .build()
                        : AttributeMap.empty();
        KinesisClientBuilder builder =
                KinesisClient.builder()
                        .httpClient(ApacheHttpClient.builder().buildWithDefaults(tls))
                        .credentialsProvider(
                                profile == null
                                        ? DefaultCredentialsProvider.builder().build()
                                        : ProfileCredentialsProvider.create(profile));
        String configuredRegion = settings.get(AwsKeys.REGION);
        if (configuredRegion != null && !configuredRegion.isBlank()) {
            builder.region(Region.of(configuredRegion.trim()));
        }
        String configuredEndpoint = settings.get(AwsKeys.ENDPOINT);
        if (configuredEndpoint != null && !configuredEndpoint.isBlank()) {
            builder.endpointOverride(endpointUri(configuredEndpoint.trim()));
        }
        return builder.build();
    }

    private URI endpointUri(String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ParameterException(
                spec.commandLine(),
                AwsKeys.ENDPOINT
                        + ": '"
                        + text
                        + "' is not a URL; expected e.g. https://kinesis.eu-west-1.amazonaws.com");
    }

    private String consumerName(Map<String, String> settings) {
        if (consumerName != null) {
            return consumerName;
        }
        String configured = settings.get(SourceKeys.EFO_CONSUMER_NAME);
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        String connector = settings.get(ConnectKeys.NAME);
        if (connector != null && !connector.isBlank()) {
            return connector.trim();
        }
        throw new ParameterException(
                spec.commandLine(),
                "no consumer name: give --consumer-name, or --config with "
                        + SourceKeys.EFO_CONSUMER_NAME
                        + " or the connector's name");
    }
}
