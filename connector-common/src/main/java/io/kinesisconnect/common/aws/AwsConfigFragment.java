package io.kinesisconnect.common.aws;

import static io.kinesisconnect.common.keys.AwsKeys.ACCESS_KEY_ID;
import static io.kinesisconnect.common.keys.AwsKeys.CREDENTIALS_PROVIDER;
import static io.kinesisconnect.common.keys.AwsKeys.CREDENTIALS_PROVIDER_CLASS;
import static io.kinesisconnect.common.keys.AwsKeys.ENDPOINT;
import static io.kinesisconnect.common.keys.AwsKeys.PROFILE_NAME;
import static io.kinesisconnect.common.keys.AwsKeys.PROFILE_PATH;
import static io.kinesisconnect.common.keys.AwsKeys.REGION;
import static io.kinesisconnect.common.keys.AwsKeys.SECRET_ACCESS_KEY;
import static io.kinesisconnect.common.keys.AwsKeys.SESSION_TOKEN;
import static io.kinesisconnect.common.keys.AwsKeys.STS_EXTERNAL_ID;
import static io.kinesisconnect.common.keys.AwsKeys.STS_ROLE_ARN;
import static io.kinesisconnect.common.keys.AwsKeys.STS_SESSION_NAME;
import static io.kinesisconnect.common.keys.AwsKeys.TLS_VERIFY_CERTIFICATES;
import static io.kinesisconnect.common.keys.AwsKeys.WEB_IDENTITY_ROLE_ARN;
import static io.kinesisconnect.common.keys.AwsKeys.WEB_IDENTITY_TOKEN_FILE;

import io.kinesisconnect.common.config.ConfigChoice;
import io.kinesisconnect.common.keys.AwsKeys;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/**
 * The AWS settings both connectors share: region and endpoint, credentials, HTTP client. {@link
 * #addTo} adds them to a connector's ConfigDef; an instance reads them back typed and {@link
 * #validate}s what a ConfigDef cannot check key by key.
 */
public final class AwsConfigFragment {
    public static final String GROUP_REGION = "AWS region";
    public static final String GROUP_CREDENTIALS = "AWS credentials";

    private final AbstractConfig config;

    public AwsConfigFragment(AbstractConfig config) {
        this.config = config;
    }

    /** Adds the AWS keys to {@code def}, with groups, orders, validators and recommenders. */
    public static ConfigDef addTo(ConfigDef def) {
        int order = 0;
        def.define(
                REGION,
                Type.STRING,
                "",
                new RegionValidator(),
                Importance.HIGH,
                "AWS region id, such as eu-west-1. Empty: the SDK's default region provider chain.",
                GROUP_REGION,
                ++order,
                Width.SHORT,
                "Region");
        def.define(
                ENDPOINT,
                Type.STRING,
                "",
                new EndpointValidator(),
                Importance.LOW,
                "Custom endpoint URL, such as a VPC endpoint or a local emulator. https by default;"
                        + " http only for emulators. Empty: the region's standard endpoint.",
                GROUP_REGION,
                ++order,
                Width.LONG,
                "Endpoint");
        def.define(
                TLS_VERIFY_CERTIFICATES,
                Type.BOOLEAN,
                true,
                Importance.LOW,
                "Whether to verify the endpoint's TLS certificate. Set false only for emulators with"
                        + " self-signed certificates: it makes connections open to interception.",
                GROUP_REGION,
                ++order,
                Width.SHORT,
                "Verify TLS certificates");
        CredentialsKeys.define(def);
        ClientKeys.define(def);
        return def;
    }

    public Optional<String> region() {
        return nonEmpty(config.getString(REGION));
    }

    public Optional<URI> endpoint() {
        return nonEmpty(config.getString(ENDPOINT)).map(URI::create);
    }

    public boolean verifyCertificates() {
        return config.getBoolean(TLS_VERIFY_CERTIFICATES);
    }

    public CredentialsProviderType credentialsProvider() {
        return ConfigChoice.parse(
                        CredentialsProviderType.class, config.getString(CREDENTIALS_PROVIDER))
                .orElse(CredentialsProviderType.DEFAULT);
    }

    public Optional<Password> accessKeyId() {
        return password(ACCESS_KEY_ID);
    }

    public Optional<Password> secretAccessKey() {
        return password(SECRET_ACCESS_KEY);
    }

    public Optional<Password> sessionToken() {
        return password(SESSION_TOKEN);
    }

    public Optional<String> profileName() {
        return nonEmpty(config.getString(PROFILE_NAME));
    }

    public Optional<String> profilePath() {
        return nonEmpty(config.getString(PROFILE_PATH));
    }

    public Optional<String> stsRoleArn() {
        return nonEmpty(config.getString(STS_ROLE_ARN));
    }

    public Optional<Password> stsExternalId() {
        return password(STS_EXTERNAL_ID);
    }

    public String stsSessionName() {
        return config.getString(STS_SESSION_NAME);
    }

    public Optional<String> webIdentityTokenFile() {
        return nonEmpty(config.getString(WEB_IDENTITY_TOKEN_FILE));
    }

    public Optional<String> webIdentityRoleArn() {
        return nonEmpty(config.getString(WEB_IDENTITY_ROLE_ARN));
    }

    public Optional<String> credentialsProviderClass() {
        return nonEmpty(config.getString(CREDENTIALS_PROVIDER_CLASS));
    }

    /** A client duration setting in milliseconds, if set. */
    public Optional<Duration> millis(String key) {
        return Optional.ofNullable(config.getLong(key)).map(Duration::ofMillis);
    }

    /** A client whole-number setting, if set. */
    public Optional<Integer> integer(String key) {
        return Optional.ofNullable(config.getInt(key));
    }

    public Optional<String> string(String key) {
        return nonEmpty(config.getString(key));
    }

    public Optional<Password> password(String key) {
        return Optional.ofNullable(config.getPassword(key)).filter(p -> !p.value().isEmpty());
    }

    public Optional<Boolean> bool(String key) {
        return Optional.ofNullable(config.getBoolean(key));
    }

    public List<String> nonProxyHosts() {
        return string(AwsKeys.CLIENT_PROXY_NON_PROXY_HOSTS)
                .map(
                        s ->
                                Arrays.stream(s.split(","))
                                        .map(String::trim)
                                        .filter(h -> !h.isEmpty())
                                        .toList())
                .orElse(List.of());
    }

    /**
     * Problems that span keys, per key: settings missing for the chosen credentials provider, or
     * set but unused by it, and half-configured proxies. Empty when all is well.
     */
    public Map<String, List<String>> validate() {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        CredentialsKeys.validate(this, config, errors);
        ClientKeys.validate(this, errors);
        return errors;
    }

    static Optional<String> nonEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
