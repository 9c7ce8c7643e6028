package io.kinesisconnect.common.translate;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.keys.KplConfigKeys;
import io.kinesisconnect.common.keys.SinkKeys;
import io.kinesisconnect.common.spec.Secret;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Knows which connector keys hold secrets and hides their values for printing. */
public final class SecretMasker {
    private SecretMasker() {}

    public static boolean isSecret(String key) {
        return AwsKeys.SECRET_KEYS.contains(key)
                || (key.startsWith(SinkKeys.KPL_PREFIX)
                        && KplConfigKeys.SECRET_KEYS.contains(
                                key.substring(SinkKeys.KPL_PREFIX.length())));
    }

    /**
     * A copy of {@code config} with secret values masked; ConfigProvider references stay visible.
     */
    public static SortedMap<String, String> mask(Map<String, String> config) {
        SortedMap<String, String> masked = new TreeMap<>();
        config.forEach((k, v) -> masked.put(k, mask(k, v)));
        return masked;
    }

    /** {@code value} masked if {@code key} is a secret key and the value is not a reference. */
    public static String mask(String key, String value) {
        if (value == null || !isSecret(key) || isReference(value)) {
            return value;
        }
        return Secret.MASK;
    }

    private static boolean isReference(String value) {
        return value.startsWith("${") && value.endsWith("}");
    }
}
