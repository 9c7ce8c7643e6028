package io.kinesisconnect.common.aws;

import io.kinesisconnect.common.config.ConfigChoice;

/** The values of {@code aws.credentials.provider}, written as {@code sts-assume-role} and so on. */
public enum CredentialsProviderType implements ConfigChoice {
    DEFAULT,
    BASIC,
    PROFILE,
    STS_ASSUME_ROLE,
    WEB_IDENTITY,
    CUSTOM
}
