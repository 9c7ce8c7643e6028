package io.kinesisconnect.common.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.common.keys.AwsKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

class AwsConfigFragmentTest {
    private static final ConfigDef DEF = AwsConfigFragment.addTo(new ConfigDef());

    /** A provider class for the custom-provider test, created through its static create(). */
    public static final class TestProvider implements AwsCredentialsProvider {
        private TestProvider() {}

        public static TestProvider create() {
            return new TestProvider();
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create("test", "test");
        }
    }

    private static AwsConfigFragment fragment(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return new AwsConfigFragment(new AbstractConfig(DEF, props));
    }

    private static Map<String, ConfigValue> configValues(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return DEF.validate(props).stream()
                .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
    }

    @Test
    void defaultsAreTheDefaultChainsWithVerifiedTls() {
        AwsConfigFragment f = fragment();
        assertThat(f.validate()).isEmpty();
        assertThat(f.credentialsProvider()).isEqualTo(CredentialsProviderType.DEFAULT);
        assertThat(f.region()).isEmpty();
        assertThat(f.verifyCertificates()).isTrue();
        assertThat(f.millis(AwsKeys.CLIENT_SOCKET_TIMEOUT_MS)).isEmpty();
    }

    @Test
    void everyKeyHasGroupOrderWidthAndDisplayNameAndSecretsArePasswords() {
        assertThat(DEF.configKeys().values())
                .allSatisfy(
                        k -> {
                            assertThat(k.group).isNotBlank();
                            assertThat(k.orderInGroup).isPositive();
                            assertThat(k.width).isNotNull();
                            assertThat(k.displayName).isNotBlank();
                        });
        AwsKeys.SECRET_KEYS.forEach(
                k ->
                        assertThat(DEF.configKeys().get(k).type)
                                .as(k)
                                .isEqualTo(ConfigDef.Type.PASSWORD));
    }

    @Test
    void validateReportsMissingAndMisplacedKeysPerKey() {
        Map<String, List<String>> errors =
                fragment(
                                AwsKeys.CREDENTIALS_PROVIDER,
                                "basic",
                                AwsKeys.ACCESS_KEY_ID,
                                "AKIA",
                                AwsKeys.PROFILE_NAME,
                                "p")
                        .validate();
        assertThat(errors).containsOnlyKeys(AwsKeys.SECRET_ACCESS_KEY, AwsKeys.PROFILE_NAME);
        assertThat(errors.get(AwsKeys.SECRET_ACCESS_KEY))
                .singleElement()
                .asString()
                .contains("required with aws.credentials.provider=basic");
        assertThat(errors.get(AwsKeys.PROFILE_NAME))
                .singleElement()
                .asString()
                .contains("only used with aws.credentials.provider [profile]");
        assertThat(fragment(AwsKeys.CREDENTIALS_PROVIDER, "sts-assume-role").validate())
                .containsOnlyKeys(AwsKeys.STS_ROLE_ARN);
        assertThat(fragment(AwsKeys.CLIENT_PROXY_PORT, "8080").validate())
                .containsOnlyKeys(AwsKeys.CLIENT_PROXY_PORT);
    }

    @Test
    void customProviderClassErrorsSayWhatToFix() {
        assertThat(
                        fragment(
                                        AwsKeys.CREDENTIALS_PROVIDER,
                                        "custom",
                                        AwsKeys.CREDENTIALS_PROVIDER_CLASS,
                                        "com.example.Missing")
                                .validate()
                                .get(AwsKeys.CREDENTIALS_PROVIDER_CLASS))
                .singleElement()
                .asString()
                .contains("was not found");
        assertThat(
                        fragment(
                                        AwsKeys.CREDENTIALS_PROVIDER,
                                        "custom",
                                        AwsKeys.CREDENTIALS_PROVIDER_CLASS,
                                        String.class.getName())
                                .validate()
                                .get(AwsKeys.CREDENTIALS_PROVIDER_CLASS))
                .singleElement()
                .asString()
                .contains("does not implement");
        AwsConfigFragment ok =
                fragment(
                        AwsKeys.CREDENTIALS_PROVIDER,
                        "custom",
                        AwsKeys.CREDENTIALS_PROVIDER_CLASS,
                        TestProvider.class.getName());
        assertThat(ok.validate()).isEmpty();
        assertThat(AwsCredentialsFactory.create(ok)).isInstanceOf(TestProvider.class);
    }

    @Test
    void anUnknownProviderIsRefusedNamingTheKeyTheValueAndTheProviders() {
        assertThat(
                        configValues(AwsKeys.CREDENTIALS_PROVIDER, "vault")
                                .get(AwsKeys.CREDENTIALS_PROVIDER)
                                .errorMessages())
                .singleElement()
                .asString()
                .contains(
                        "aws.credentials.provider",
                        "vault",
                        "[default, basic, profile, sts-assume-role, web-identity, custom]");
        // any case is accepted, as the provider is parsed
        assertThat(fragment(AwsKeys.CREDENTIALS_PROVIDER, "Sts-Assume-Role").credentialsProvider())
                .isEqualTo(CredentialsProviderType.STS_ASSUME_ROLE);
    }

    @Test
    void recommendersHideKeysThatDoNotApply() {
        Map<String, ConfigValue> def = configValues();
        assertThat(def.get(AwsKeys.PROFILE_NAME).visible()).isFalse();
        assertThat(def.get(AwsKeys.SECRET_ACCESS_KEY).visible()).isFalse();
        assertThat(def.get(AwsKeys.CREDENTIALS_PROVIDER).recommendedValues())
                .contains(
                        "default", "basic", "profile", "sts-assume-role", "web-identity", "custom");
        Map<String, ConfigValue> profile = configValues(AwsKeys.CREDENTIALS_PROVIDER, "profile");
        assertThat(profile.get(AwsKeys.PROFILE_NAME).visible()).isTrue();
        assertThat(profile.get(AwsKeys.PROFILE_PATH).visible()).isTrue();
        assertThat(profile.get(AwsKeys.STS_ROLE_ARN).visible()).isFalse();
        assertThat(
                        configValues(AwsKeys.CREDENTIALS_PROVIDER, "web-identity")
                                .get(AwsKeys.STS_SESSION_NAME)
                                .visible())
                .isTrue();
    }

    @Test
    void validatorsRejectBadValues() {
        assertThat(configValues(AwsKeys.ENDPOINT, "ftp://x").get(AwsKeys.ENDPOINT).errorMessages())
                .isNotEmpty();
        assertThat(configValues(AwsKeys.REGION, "Europe").get(AwsKeys.REGION).errorMessages())
                .isNotEmpty();
        assertThat(
                        configValues(AwsKeys.CLIENT_MAX_CONNECTIONS, "0")
                                .get(AwsKeys.CLIENT_MAX_CONNECTIONS)
                                .errorMessages())
                .isNotEmpty();
        assertThat(
                        configValues(AwsKeys.CREDENTIALS_PROVIDER, "magic")
                                .get(AwsKeys.CREDENTIALS_PROVIDER)
                                .errorMessages())
                .isNotEmpty();
        assertThat(
                        configValues(AwsKeys.ENDPOINT, "http://localhost:4567")
                                .get(AwsKeys.ENDPOINT)
                                .errorMessages())
                .isEmpty();
    }

    @Test
    void factoryBuildsCredentialProvidersForEachType() {
        AwsCredentialsProvider basic =
                AwsCredentialsFactory.create(
                        fragment(
                                AwsKeys.CREDENTIALS_PROVIDER,
                                "basic",
                                AwsKeys.ACCESS_KEY_ID,
                                "AKIA",
                                AwsKeys.SECRET_ACCESS_KEY,
                                "s"));
        assertThat(basic).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(basic.resolveCredentials().accessKeyId()).isEqualTo("AKIA");
        assertThat(
                        AwsCredentialsFactory.create(
                                fragment(
                                        AwsKeys.CREDENTIALS_PROVIDER,
                                        "profile",
                                        AwsKeys.PROFILE_NAME,
                                        "p")))
                .isInstanceOf(ProfileCredentialsProvider.class);
        assertThat(
                        AwsCredentialsFactory.create(
                                fragment(
                                        AwsKeys.CREDENTIALS_PROVIDER,
                                        "sts-assume-role",
                                        AwsKeys.REGION,
                                        "eu-west-1",
                                        AwsKeys.STS_ROLE_ARN,
                                        "arn:aws:iam::1:role/r",
                                        AwsKeys.STS_EXTERNAL_ID,
                                        "x")))
                .isInstanceOf(StsAssumeRoleCredentialsProvider.class);
        assertThatThrownBy(
                        () ->
                                AwsCredentialsFactory.create(
                                        fragment(AwsKeys.CREDENTIALS_PROVIDER, "basic")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("aws.access.key.id");
    }

    @Test
    void factoryBuildsSyncAndAsyncClientsWithAllClientSettings() {
        AwsConfigFragment f =
                fragment(
                        AwsKeys.REGION,
                        "us-east-1",
                        AwsKeys.ENDPOINT,
                        "https://127.0.0.1:4567",
                        AwsKeys.TLS_VERIFY_CERTIFICATES,
                        "false",
                        AwsKeys.CREDENTIALS_PROVIDER,
                        "basic",
                        AwsKeys.ACCESS_KEY_ID,
                        "a",
                        AwsKeys.SECRET_ACCESS_KEY,
                        "b",
                        AwsKeys.CLIENT_SOCKET_TIMEOUT_MS,
                        "5000",
                        AwsKeys.CLIENT_CONNECTION_TIMEOUT_MS,
                        "1000",
                        AwsKeys.CLIENT_MAX_CONNECTIONS,
                        "8",
                        AwsKeys.CLIENT_API_CALL_ATTEMPT_TIMEOUT_MS,
                        "2000",
                        AwsKeys.CLIENT_API_CALL_TIMEOUT_MS,
                        "9000",
                        AwsKeys.CLIENT_MAX_RETRIES,
                        "2",
                        AwsKeys.CLIENT_PROXY_HOST,
                        "proxy",
                        AwsKeys.CLIENT_PROXY_PORT,
                        "3128",
                        AwsKeys.CLIENT_PROXY_NON_PROXY_HOSTS,
                        "localhost, 127.0.0.1",
                        AwsKeys.CLIENT_USER_AGENT_SUFFIX,
                        "kc",
                        AwsKeys.CLIENT_TCP_KEEPALIVE,
                        "true",
                        AwsKeys.CLIENT_CONNECTION_TTL_MS,
                        "60000",
                        AwsKeys.CLIENT_CONNECTION_MAX_IDLE_MS,
                        "30000");
        assertThat(f.validate()).isEmpty();
        assertThat(f.nonProxyHosts()).containsExactly("localhost", "127.0.0.1");
        try (KinesisClient sync = AwsClientFactory.kinesisClient(f);
                KinesisAsyncClient async = AwsClientFactory.kinesisAsyncClient(f)) {
            assertThat(sync.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
            assertThat(async.serviceClientConfiguration().endpointOverride())
                    .hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(4567));
        }
    }
}
