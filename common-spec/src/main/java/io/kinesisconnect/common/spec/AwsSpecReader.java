package io.kinesisconnect.common.spec;

import io.kinesisconnect.common.text.DidYouMean;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code awsRegion} and {@code awsCredentials}, diagnosing the mix-ups seen in the wild. */
final class AwsSpecReader {
    private static final List<String> REGION_TYPES =
            List.of("default", "specific", "custom-endpoint");
    private static final List<String> CREDENTIAL_TYPES = List.of("default", "basic", "profile");
    private static final Set<String> BASIC_KEYS = Set.of("accessKeyId", "secretAccessKey");
    private static final Set<String> PROFILE_KEYS = Set.of("profileName", "profilePath");

    private AwsSpecReader() {}

    static Optional<AwsRegion> region(Fields spec) {
        if (!spec.has("awsRegion")) {
            return Optional.of(new AwsRegion.Default());
        }
        return spec.map("awsRegion").flatMap(AwsSpecReader::readRegion);
    }

    private static Optional<AwsRegion> readRegion(Fields f) {
        Optional<String> type =
                f.requiredString("type", "one of " + String.join(", ", REGION_TYPES));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Optional<AwsRegion> region;
        switch (type.get()) {
            case "default":
                region = Optional.of(new AwsRegion.Default());
                break;
            case "specific":
                region =
                        f.requiredString("id", "the region id, such as eu-west-1")
                                .map(AwsRegion.Specific::new);
                break;
            case "custom-endpoint":
                region = customEndpoint(f);
                break;
            case "basic":
            case "profile":
                f.context()
                        .error(
                                f.path("type"),
                                f.line("type"),
                                "'"
                                        + type.get()
                                        + "' is a credentials type; did you mean awsCredentials?");
                return Optional.empty();
            default:
                badType(f, type.get(), REGION_TYPES);
                return Optional.empty();
        }
        f.reportUnknown(List.of("type", "id", "endpoint"), Map.of());
        return region;
    }

    private static Optional<AwsRegion> customEndpoint(Fields f) {
        Optional<String> endpoint =
                f.requiredString("endpoint", "the endpoint URL, such as https://localhost:4567");
        Optional<String> id =
                f.requiredString("id", "the region to sign requests for, such as us-east-1");
        endpoint.ifPresent(e -> EndpointCheck.check(f, e));
        return endpoint.isPresent() && id.isPresent()
                ? Optional.of(new AwsRegion.CustomEndpoint(endpoint.get(), id.get()))
                : Optional.empty();
    }

    static Optional<AwsCredentials> credentials(Fields spec) {
        if (!spec.has("awsCredentials")) {
            return Optional.of(new AwsCredentials.Default());
        }
        return spec.map("awsCredentials").flatMap(AwsSpecReader::readCredentials);
    }

    private static Optional<AwsCredentials> readCredentials(Fields f) {
        Optional<String> type =
                f.requiredString("type", "one of " + String.join(", ", CREDENTIAL_TYPES));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Optional<AwsCredentials> credentials;
        switch (type.get()) {
            case "default":
                credentials = Optional.of(new AwsCredentials.Default());
                break;
            case "basic":
                credentials = basic(f);
                break;
            case "profile":
                credentials = profile(f);
                break;
            case "specific":
            case "custom-endpoint":
                f.context()
                        .error(
                                f.path("type"),
                                f.line("type"),
                                "'" + type.get() + "' is a region type; did you mean awsRegion?");
                return Optional.empty();
            default:
                badType(f, type.get(), CREDENTIAL_TYPES);
                return Optional.empty();
        }
        f.reportUnknown(
                List.of("type", "accessKeyId", "secretAccessKey", "profileName", "profilePath"),
                Map.of());
        return credentials;
    }

    private static Optional<AwsCredentials> basic(Fields f) {
        if (PROFILE_KEYS.stream().anyMatch(f::has) && BASIC_KEYS.stream().noneMatch(f::has)) {
            f.context()
                    .error(
                            f.path("type"),
                            f.line("type"),
                            "'type: basic' takes accessKeyId and secretAccessKey, but this has profile keys: did you mean type: profile?");
            f.ignore("profileName", "profilePath");
            return Optional.empty();
        }
        Optional<String> keyId = f.requiredString("accessKeyId", "the AWS access key id");
        Optional<String> secret = f.requiredString("secretAccessKey", "the AWS secret access key");
        misplaced(f, PROFILE_KEYS, "profile");
        return keyId.isPresent() && secret.isPresent()
                ? Optional.of(
                        new AwsCredentials.Basic(new Secret(keyId.get()), new Secret(secret.get())))
                : Optional.empty();
    }

    private static Optional<AwsCredentials> profile(Fields f) {
        if (BASIC_KEYS.stream().anyMatch(f::has) && PROFILE_KEYS.stream().noneMatch(f::has)) {
            f.context()
                    .error(
                            f.path("type"),
                            f.line("type"),
                            "'type: profile' takes profileName and profilePath, but this has an access key: did you mean type: basic?");
            f.ignore("accessKeyId", "secretAccessKey");
            return Optional.empty();
        }
        Optional<String> name = f.requiredString("profileName", "the profile to use");
        Optional<String> path = f.string("profilePath");
        misplaced(f, BASIC_KEYS, "basic");
        return name.map(n -> new AwsCredentials.Profile(n, path));
    }

    private static void misplaced(Fields f, Set<String> keys, String type) {
        for (String key : keys) {
            if (f.has(key)) {
                f.ignore(key);
                f.context()
                        .error(
                                f.path(key),
                                f.line(key),
                                "'"
                                        + key
                                        + "' belongs to 'type: "
                                        + type
                                        + "'; remove it or change the type");
            }
        }
    }

    private static void badType(Fields f, String type, List<String> accepted) {
        f.context()
                .error(
                        f.path("type"),
                        f.line("type"),
                        "unknown type '"
                                + type
                                + "'; accepted: "
                                + String.join(", ", accepted)
                                + "."
                                + DidYouMean.hint(type, accepted));
    }
}
