package io.kinesisconnect.common.spec;

/** Where the AWS region comes from ({@code awsRegion}). */
public sealed interface AwsRegion {
    /** The SDK's default region provider chain. */
    record Default() implements AwsRegion {}

    /** A region id such as {@code eu-west-1}. */
    record Specific(String id) implements AwsRegion {}

    /** A non-standard endpoint URL (emulators, VPC endpoints) with its signing region. */
    record CustomEndpoint(String endpoint, String id) implements AwsRegion {}
}
