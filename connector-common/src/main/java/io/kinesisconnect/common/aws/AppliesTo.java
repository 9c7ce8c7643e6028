package io.kinesisconnect.common.aws;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;

/** Shows a credentials key only when {@code aws.credentials.provider} is one of the given types. */
final class AppliesTo implements ConfigDef.Recommender {
    private final Set<CredentialsProviderType> types;

    AppliesTo(CredentialsProviderType... types) {
        this.types = Set.of(types);
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return List.of();
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
        Object provider =
                parsedConfig.get(io.kinesisconnect.common.keys.AwsKeys.CREDENTIALS_PROVIDER);
        return CredentialsProviderType.fromConfig(provider == null ? null : provider.toString())
                .map(types::contains)
                .orElse(false);
    }

    Set<CredentialsProviderType> types() {
        return types;
    }
}
