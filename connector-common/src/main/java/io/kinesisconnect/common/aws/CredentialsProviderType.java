package io.kinesisconnect.common.aws;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The values of {@code aws.credentials.provider}. */
public enum CredentialsProviderType {
    DEFAULT,
    BASIC,
    PROFILE,
    STS_ASSUME_ROLE,
    WEB_IDENTITY,
    CUSTOM;

    /** The value as written in configs, such as {@code sts-assume-role}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CredentialsProviderType> fromConfig(String value) {
        return Arrays.stream(values())
                .filter(t -> t.configValue().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst();
    }

    public static List<String> configValues() {
        return Arrays.stream(values()).map(CredentialsProviderType::configValue).toList();
    }
}
