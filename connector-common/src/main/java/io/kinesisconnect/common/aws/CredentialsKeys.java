package io.kinesisconnect.common.aws;

import static io.kinesisconnect.common.aws.CredentialsProviderType.BASIC;
import static io.kinesisconnect.common.aws.CredentialsProviderType.CUSTOM;
import static io.kinesisconnect.common.aws.CredentialsProviderType.PROFILE;
import static io.kinesisconnect.common.aws.CredentialsProviderType.STS_ASSUME_ROLE;
import static io.kinesisconnect.common.aws.CredentialsProviderType.WEB_IDENTITY;
import static io.kinesisconnect.common.keys.AwsKeys.ACCESS_KEY_ID;
import static io.kinesisconnect.common.keys.AwsKeys.CREDENTIALS_PROVIDER;
import static io.kinesisconnect.common.keys.AwsKeys.CREDENTIALS_PROVIDER_CLASS;
import static io.kinesisconnect.common.keys.AwsKeys.PROFILE_NAME;
import static io.kinesisconnect.common.keys.AwsKeys.PROFILE_PATH;
import static io.kinesisconnect.common.keys.AwsKeys.SECRET_ACCESS_KEY;
import static io.kinesisconnect.common.keys.AwsKeys.SESSION_TOKEN;
import static io.kinesisconnect.common.keys.AwsKeys.STS_EXTERNAL_ID;
import static io.kinesisconnect.common.keys.AwsKeys.STS_ROLE_ARN;
import static io.kinesisconnect.common.keys.AwsKeys.STS_SESSION_NAME;
import static io.kinesisconnect.common.keys.AwsKeys.WEB_IDENTITY_ROLE_ARN;
import static io.kinesisconnect.common.keys.AwsKeys.WEB_IDENTITY_TOKEN_FILE;

import io.kinesisconnect.common.config.ConfigChoices;
import io.kinesisconnect.common.config.ConfigErrors;
import io.kinesisconnect.common.config.VisibleWhen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The credentials keys of {@link AwsConfigFragment}: definitions and cross-key checks. */
final class CredentialsKeys {
    private static final String GROUP = AwsConfigFragment.GROUP_CREDENTIALS;

    /** Each provider-specific key and the recommender that says which providers use it. */
    static final Map<String, VisibleWhen<CredentialsProviderType>> APPLIES = applies();

    private CredentialsKeys() {}

    private static Map<String, VisibleWhen<CredentialsProviderType>> applies() {
        Map<String, VisibleWhen<CredentialsProviderType>> m = new LinkedHashMap<>();
        m.put(ACCESS_KEY_ID, appliesTo(BASIC));
        m.put(SECRET_ACCESS_KEY, appliesTo(BASIC));
        m.put(SESSION_TOKEN, appliesTo(BASIC));
        m.put(PROFILE_NAME, appliesTo(PROFILE));
        m.put(PROFILE_PATH, appliesTo(PROFILE));
        m.put(STS_ROLE_ARN, appliesTo(STS_ASSUME_ROLE));
        m.put(STS_EXTERNAL_ID, appliesTo(STS_ASSUME_ROLE));
        m.put(STS_SESSION_NAME, appliesTo(STS_ASSUME_ROLE, WEB_IDENTITY));
        m.put(WEB_IDENTITY_TOKEN_FILE, appliesTo(WEB_IDENTITY));
        m.put(WEB_IDENTITY_ROLE_ARN, appliesTo(WEB_IDENTITY));
        m.put(CREDENTIALS_PROVIDER_CLASS, appliesTo(CUSTOM));
        return m;
    }

    private static VisibleWhen<CredentialsProviderType> appliesTo(
            CredentialsProviderType first, CredentialsProviderType... more) {
        return VisibleWhen.of(CREDENTIALS_PROVIDER, first, more);
    }

    static void define(ConfigDef def) {
        int order = 0;
        def.define(
                CREDENTIALS_PROVIDER,
                Type.STRING,
                CredentialsProviderType.DEFAULT.configValue(),
                ConfigChoices.validator(CredentialsProviderType.class),
                Importance.HIGH,
                "Where AWS credentials come from: default (the SDK's default chain), basic (access key"
                        + " below), profile, sts-assume-role, web-identity, or custom (a provider class).",
                GROUP,
                ++order,
                Width.MEDIUM,
                "Credentials provider",
                new ArrayList<>(APPLIES.keySet()),
                ConfigChoices.recommender(CredentialsProviderType.class));
        password(
                def,
                ACCESS_KEY_ID,
                "AWS access key id (provider basic).",
                ++order,
                "Access key id");
        password(
                def,
                SECRET_ACCESS_KEY,
                "AWS secret access key (provider basic).",
                ++order,
                "Secret access key");
        password(
                def,
                SESSION_TOKEN,
                "Session token for temporary credentials (provider basic), optional.",
                ++order,
                "Session token");
        string(def, PROFILE_NAME, "", "Profile name (provider profile).", ++order, "Profile name");
        string(
                def,
                PROFILE_PATH,
                "",
                "Credentials file holding the profile (provider profile). Empty: the SDK's default files.",
                ++order,
                "Profile file");
        string(
                def,
                STS_ROLE_ARN,
                "",
                "ARN of the role to assume (provider sts-assume-role); the default chain provides the credentials to assume it with.",
                ++order,
                "Role ARN");
        password(
                def,
                STS_EXTERNAL_ID,
                "External id the role's trust policy requires (provider sts-assume-role), optional.",
                ++order,
                "External id");
        string(
                def,
                STS_SESSION_NAME,
                "kinesis-connect",
                "Role session name (providers sts-assume-role and web-identity).",
                ++order,
                "Session name");
        string(
                def,
                WEB_IDENTITY_TOKEN_FILE,
                "",
                "Web identity token file (provider web-identity). Empty: AWS_WEB_IDENTITY_TOKEN_FILE.",
                ++order,
                "Token file");
        string(
                def,
                WEB_IDENTITY_ROLE_ARN,
                "",
                "Role to assume with the token (provider web-identity). Empty: AWS_ROLE_ARN.",
                ++order,
                "Web identity role ARN");
        string(
                def,
                CREDENTIALS_PROVIDER_CLASS,
                "",
                "Class implementing software.amazon.awssdk.auth.credentials.AwsCredentialsProvider, with a static create() or a public no-argument constructor (provider custom).",
                ++order,
                "Provider class");
    }

    private static void password(ConfigDef def, String key, String doc, int order, String display) {
        define(def, key, Type.PASSWORD, "", doc, order, display);
    }

    private static void string(
            ConfigDef def, String key, String dflt, String doc, int order, String display) {
        define(def, key, Type.STRING, dflt, doc, order, display);
    }

    /** Every credentials key: in the credentials group, shown only for the providers it serves. */
    private static void define(
            ConfigDef def,
            String key,
            Type type,
            String dflt,
            String doc,
            int order,
            String display) {
        def.define(
                key,
                type,
                dflt,
                Importance.MEDIUM,
                doc,
                GROUP,
                order,
                Width.LONG,
                display,
                List.of(),
                APPLIES.get(key));
    }

    /**
     * Required keys missing for the chosen provider, and provider keys set for another provider.
     */
    static void validate(
            AwsConfigFragment f, AbstractConfig config, Map<String, List<String>> errors) {
        CredentialsProviderType type = f.credentialsProvider();
        String provider = CREDENTIALS_PROVIDER + "=" + type.configValue();
        switch (type) {
            case BASIC -> {
                require(f.accessKeyId().isPresent(), ACCESS_KEY_ID, provider, errors);
                require(f.secretAccessKey().isPresent(), SECRET_ACCESS_KEY, provider, errors);
            }
            case PROFILE -> {
                require(f.profileName().isPresent(), PROFILE_NAME, provider, errors);
                f.profilePath()
                        .filter(path -> !Files.isRegularFile(Path.of(path)))
                        .ifPresent(
                                path ->
                                        ConfigErrors.add(
                                                errors,
                                                PROFILE_PATH,
                                                "Profile file '"
                                                        + path
                                                        + "' does not exist on this worker; every"
                                                        + " worker needs it at that path"));
            }
            case STS_ASSUME_ROLE ->
                    require(f.stsRoleArn().isPresent(), STS_ROLE_ARN, provider, errors);
            case CUSTOM ->
                    f.credentialsProviderClass()
                            .ifPresentOrElse(
                                    c ->
                                            CustomProviderLoader.check(c)
                                                    .ifPresent(
                                                            e ->
                                                                    ConfigErrors.add(
                                                                            errors,
                                                                            CREDENTIALS_PROVIDER_CLASS,
                                                                            e)),
                                    () ->
                                            require(
                                                    false,
                                                    CREDENTIALS_PROVIDER_CLASS,
                                                    provider,
                                                    errors));
            default -> {}
        }
        for (Map.Entry<String, VisibleWhen<CredentialsProviderType>> e : APPLIES.entrySet()) {
            String key = e.getKey();
            if (!e.getValue().choices().contains(type) && isSet(config, key)) {
                ConfigErrors.add(
                        errors,
                        key,
                        key
                                + " is only used with "
                                + CREDENTIALS_PROVIDER
                                + " "
                                + e.getValue().choiceValues()
                                + ", not "
                                + type.configValue()
                                + "; remove it or change the provider");
            }
        }
    }

    private static boolean isSet(AbstractConfig config, String key) {
        Object v = config.originals().get(key);
        return v != null && !v.toString().isBlank() && !(key.equals(STS_SESSION_NAME));
    }

    private static void require(
            boolean present, String key, String provider, Map<String, List<String>> errors) {
        if (!present) {
            ConfigErrors.add(errors, key, key + " is required with " + provider);
        }
    }
}
