package io.kinesisconnect.common.aws;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** Builds the {@link AwsCredentialsProvider} that {@link AwsConfigFragment} describes. */
public final class AwsCredentialsFactory {
    private static final Logger log = LoggerFactory.getLogger(AwsCredentialsFactory.class);

    private AwsCredentialsFactory() {}

    public static AwsCredentialsProvider create(AwsConfigFragment config) {
        CredentialsProviderType type = config.credentialsProvider();
        AwsCredentialsProvider provider =
                switch (type) {
                    case BASIC -> basic(config);
                    case PROFILE -> profile(config);
                    case STS_ASSUME_ROLE -> stsAssumeRole(config);
                    case WEB_IDENTITY -> webIdentity(config);
                    case CUSTOM ->
                            CustomProviderLoader.create(
                                    required(
                                            config.credentialsProviderClass(),
                                            "aws.credentials.provider.class"));
                    default -> DefaultCredentialsProvider.builder().build();
                };
        // Names and ids only: key ids, secrets, tokens and external ids stay out of the log.
        log.info(
                "AWS credentials provider={} class={} profile={} roleArn={}",
                type.configValue(),
                provider.getClass().getSimpleName(),
                config.profileName().orElse("-"),
                config.stsRoleArn().or(config::webIdentityRoleArn).orElse("-"));
        return provider;
    }

    private static AwsCredentialsProvider basic(AwsConfigFragment config) {
        String keyId = required(config.accessKeyId().map(Password::value), "aws.access.key.id");
        String secret =
                required(config.secretAccessKey().map(Password::value), "aws.secret.access.key");
        Optional<String> token = config.sessionToken().map(Password::value);
        return StaticCredentialsProvider.create(
                token.isPresent()
                        ? AwsSessionCredentials.create(keyId, secret, token.get())
                        : AwsBasicCredentials.create(keyId, secret));
    }

    private static AwsCredentialsProvider profile(AwsConfigFragment config) {
        ProfileCredentialsProvider.Builder b =
                ProfileCredentialsProvider.builder()
                        .profileName(required(config.profileName(), "aws.profile.name"));
        config.profilePath()
                .ifPresent(
                        p ->
                                b.profileFile(
                                        ProfileFile.builder()
                                                .content(Path.of(p))
                                                .type(ProfileFile.Type.CREDENTIALS)
                                                .build()));
        return b.build();
    }

    private static AwsCredentialsProvider stsAssumeRole(AwsConfigFragment config) {
        String roleArn = required(config.stsRoleArn(), "aws.sts.role.arn");
        StsClientBuilder sts =
                StsClient.builder()
                        .credentialsProvider(DefaultCredentialsProvider.builder().build());
        config.region().map(Region::of).ifPresent(sts::region);
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts.build())
                .refreshRequest(
                        r -> {
                            r.roleArn(roleArn).roleSessionName(config.stsSessionName());
                            config.stsExternalId().map(Password::value).ifPresent(r::externalId);
                        })
                .build();
    }

    private static AwsCredentialsProvider webIdentity(AwsConfigFragment config) {
        WebIdentityTokenFileCredentialsProvider.Builder b =
                WebIdentityTokenFileCredentialsProvider.builder()
                        .roleSessionName(config.stsSessionName());
        config.webIdentityTokenFile().map(Path::of).ifPresent(b::webIdentityTokenFile);
        config.webIdentityRoleArn().ifPresent(b::roleArn);
        return b.build();
    }

    private static String required(Optional<String> value, String key) {
        return value.orElseThrow(
                () ->
                        new ConfigException(
                                key + " is required with aws.credentials.provider set this way"));
    }
}
