package io.kinesisconnect.common.aws;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts an empty value or an http(s) URL with a host. */
final class EndpointValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        String s = value == null ? "" : value.toString().trim();
        if (s.isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(s);
            boolean httpish = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (!httpish || uri.getHost() == null) {
                throw new ConfigException(
                        name,
                        value,
                        "expected an https:// URL with a host (http:// for emulators)");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name, value, "not a URL: " + e.getReason());
        }
    }

    @Override
    public String toString() {
        return "an https:// URL (http:// for emulators), or empty";
    }
}
