package io.kinesisconnect.common.spec;

import java.util.Optional;

/** Where the AWS credentials come from ({@code awsCredentials}). */
public sealed interface AwsCredentials {
    /** The SDK's default credentials provider chain. */
    record Default() implements AwsCredentials {}

    /** An access key pair written in the spec. */
    record Basic(Secret accessKeyId, Secret secretAccessKey) implements AwsCredentials {}

    /** A named profile, from the default or the given profile file. */
    record Profile(String profileName, Optional<String> profilePath) implements AwsCredentials {}
}
