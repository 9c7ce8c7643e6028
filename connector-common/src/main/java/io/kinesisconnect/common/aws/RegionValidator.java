package io.kinesisconnect.common.aws;

import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts an empty value (default chain) or something shaped like a region id. */
final class RegionValidator implements ConfigDef.Validator {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-\\d+");

    @Override
    public void ensureValid(String name, Object value) {
        String s = value == null ? "" : value.toString().trim();
        if (!s.isEmpty() && !REGION.matcher(s).matches()) {
            throw new ConfigException(
                    name,
                    value,
                    "not a region id; expected something like eu-west-1, or empty for the default chain");
        }
    }

    @Override
    public String toString() {
        return "a region id such as eu-west-1, or empty";
    }
}
