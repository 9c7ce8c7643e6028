package io.kinesisconnect.common.translate;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.spec.AwsCredentials;
import io.kinesisconnect.common.spec.AwsRegion;
import io.kinesisconnect.common.spec.ClientProperty;
import io.kinesisconnect.common.spec.Component;
import io.kinesisconnect.common.spec.Diagnostics;
import io.kinesisconnect.common.spec.Origin;
import io.kinesisconnect.common.spec.Secret;
import io.kinesisconnect.common.text.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Writes a component's region, credentials and (for ingresses) client settings as {@code aws.*}
 * keys.
 */
final class AwsSettingsTranslator {
    private final Diagnostics diagnostics;
    private final SecretHandling secrets;
    private final SortedMap<String, String> movedSecrets;

    AwsSettingsTranslator(
            Diagnostics diagnostics,
            SecretHandling secrets,
            SortedMap<String, String> movedSecrets) {
        this.diagnostics = diagnostics;
        this.secrets = secrets;
        this.movedSecrets = movedSecrets;
    }

    void region(AwsRegion region, Map<String, String> config) {
        if (region instanceof AwsRegion.Specific s) {
            config.put(AwsKeys.REGION, s.id());
        } else if (region instanceof AwsRegion.CustomEndpoint c) {
            config.put(AwsKeys.REGION, c.id());
            config.put(AwsKeys.ENDPOINT, c.endpoint());
        }
    }

    void credentials(String connector, AwsCredentials credentials, Map<String, String> config) {
        if (credentials instanceof AwsCredentials.Basic b) {
            config.put(AwsKeys.CREDENTIALS_PROVIDER, "basic");
            putSecret(connector, AwsKeys.ACCESS_KEY_ID, b.accessKeyId(), config);
            putSecret(connector, AwsKeys.SECRET_ACCESS_KEY, b.secretAccessKey(), config);
        } else if (credentials instanceof AwsCredentials.Profile p) {
            config.put(AwsKeys.CREDENTIALS_PROVIDER, "profile");
            config.put(AwsKeys.PROFILE_NAME, p.profileName());
            p.profilePath().ifPresent(path -> config.put(AwsKeys.PROFILE_PATH, path));
        } else {
            config.put(AwsKeys.CREDENTIALS_PROVIDER, "default");
        }
    }

    /** Secrets go inline or, as the user chose, to the secrets file behind a reference. */
    void putSecret(String connector, String key, Secret secret, Map<String, String> config) {
        if (secrets instanceof SecretHandling.FileReference f) {
            String fileKey = connector + "." + key;
            movedSecrets.put(fileKey, secret.value());
            config.put(key, f.reference(fileKey));
        } else {
            config.put(key, secret.value());
        }
    }

    /** Maps SDK v1 ClientConfiguration properties of an ingress onto {@code aws.client.*}. */
    void ingressClientProperties(
            String connector, Component component, Map<String, String> config) {
        for (ClientProperty p : component.clientProperties()) {
            Origin o = p.origin();
            ClientConfigMapping.Target target = ClientConfigMapping.MAPPINGS.get(p.key());
            if (target != null) {
                mapped(connector, p, target, config);
            } else if (ClientConfigMapping.IGNORED.contains(p.key())) {
                diagnostics.warning(
                        o.file(),
                        o.path(),
                        o.line(),
                        "'"
                                + p.key()
                                + "' has no counterpart in the AWS SDK v2 client the connector uses; ignored");
            } else if (p.key().equals(ClientConfigMapping.PROTOCOL)) {
                protocol(p);
            } else {
                List<String> accepted = new ArrayList<>(ClientConfigMapping.MAPPINGS.keySet());
                diagnostics.error(
                        o.file(),
                        o.path(),
                        o.line(),
                        "unknown client property '"
                                + p.key()
                                + "'."
                                + DidYouMean.hint(p.key(), accepted)
                                + " Accepted (AWS SDK v1 ClientConfiguration names): "
                                + String.join(", ", accepted)
                                + "; ignored without effect: "
                                + String.join(
                                        ", ",
                                        new java.util.TreeSet<>(ClientConfigMapping.IGNORED)));
            }
        }
    }

    private void mapped(
            String connector,
            ClientProperty p,
            ClientConfigMapping.Target target,
            Map<String, String> config) {
        Origin o = p.origin();
        Optional<String> problem = target.rule().check(p.value());
        if (problem.isPresent()) {
            String shown = SecretMasker.isSecret(target.key()) ? Secret.MASK : p.value();
            diagnostics.error(
                    o.file(),
                    o.path(),
                    o.line(),
                    "'" + p.key() + "' " + problem.get() + ", found '" + shown + "'");
        } else if (p.key().equals("ConnectionTTL") && p.value().trim().equals("-1")) {
            diagnostics.info(
                    o.file(),
                    o.path(),
                    o.line(),
                    "ConnectionTTL -1 means no limit, the SDK v2 default; nothing to set");
        } else if (SecretMasker.isSecret(target.key())) {
            putSecret(connector, target.key(), new Secret(p.value()), config);
        } else {
            config.put(target.key(), target.convert().apply(p.value()));
        }
    }

    private void protocol(ClientProperty p) {
        Origin o = p.origin();
        if (p.value().equalsIgnoreCase("https")) {
            diagnostics.info(
                    o.file(), o.path(), o.line(), "Protocol HTTPS is the default; nothing to set");
        } else {
            diagnostics.error(
                    o.file(),
                    o.path(),
                    o.line(),
                    "Protocol is set by the endpoint in SDK v2: use awsRegion type custom-endpoint with an http:// or https:// endpoint");
        }
    }
}
