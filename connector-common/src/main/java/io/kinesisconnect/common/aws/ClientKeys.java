package io.kinesisconnect.common.aws;

import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_API_CALL_ATTEMPT_TIMEOUT_MS;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_API_CALL_TIMEOUT_MS;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_CONNECTION_MAX_IDLE_MS;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_CONNECTION_TIMEOUT_MS;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_CONNECTION_TTL_MS;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_MAX_CONNECTIONS;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_MAX_RETRIES;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_PROXY_HOST;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_PROXY_NON_PROXY_HOSTS;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_PROXY_PASSWORD;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_PROXY_PORT;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_PROXY_USERNAME;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_SOCKET_TIMEOUT_MS;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_TCP_KEEPALIVE;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_USER_AGENT_PREFIX;
import static io.kinesisconnect.common.keys.AwsKeys.CLIENT_USER_AGENT_SUFFIX;

import io.kinesisconnect.common.config.ConfigErrors;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** The HTTP client keys of {@link AwsConfigFragment}; unset means the AWS SDK's default. */
final class ClientKeys {
    static final String GROUP = "AWS client";

    private ClientKeys() {}

    static void define(ConfigDef def) {
        int order = 0;
        number(
                def,
                CLIENT_SOCKET_TIMEOUT_MS,
                Type.LONG,
                1,
                "Socket read timeout in ms.",
                ++order,
                "Socket timeout (ms)");
        number(
                def,
                CLIENT_CONNECTION_TIMEOUT_MS,
                Type.LONG,
                1,
                "Connection timeout in ms.",
                ++order,
                "Connection timeout (ms)");
        number(
                def,
                CLIENT_MAX_CONNECTIONS,
                Type.INT,
                1,
                "Maximum open HTTP connections (Netty: maximum concurrency).",
                ++order,
                "Max connections");
        number(
                def,
                CLIENT_API_CALL_ATTEMPT_TIMEOUT_MS,
                Type.LONG,
                1,
                "Timeout of one HTTP attempt of an API call, in ms.",
                ++order,
                "Attempt timeout (ms)");
        number(
                def,
                CLIENT_API_CALL_TIMEOUT_MS,
                Type.LONG,
                1,
                "Timeout of a whole API call with its retries, in ms.",
                ++order,
                "API call timeout (ms)");
        number(
                def,
                CLIENT_MAX_RETRIES,
                Type.INT,
                0,
                "Retries after a failed attempt (attempts = retries + 1).",
                ++order,
                "Max retries");
        text(def, CLIENT_PROXY_HOST, Type.STRING, "HTTP proxy host.", ++order, "Proxy host");
        number(def, CLIENT_PROXY_PORT, Type.INT, 1, "HTTP proxy port.", ++order, "Proxy port");
        text(
                def,
                CLIENT_PROXY_USERNAME,
                Type.STRING,
                "HTTP proxy user name.",
                ++order,
                "Proxy user");
        text(
                def,
                CLIENT_PROXY_PASSWORD,
                Type.PASSWORD,
                "HTTP proxy password.",
                ++order,
                "Proxy password");
        text(
                def,
                CLIENT_PROXY_NON_PROXY_HOSTS,
                Type.STRING,
                "Comma-separated hosts reached without the proxy.",
                ++order,
                "Non-proxy hosts");
        text(
                def,
                CLIENT_USER_AGENT_PREFIX,
                Type.STRING,
                "Text put before the SDK's user agent.",
                ++order,
                "User agent prefix");
        text(
                def,
                CLIENT_USER_AGENT_SUFFIX,
                Type.STRING,
                "Text put after the SDK's user agent.",
                ++order,
                "User agent suffix");
        def.define(
                CLIENT_TCP_KEEPALIVE,
                Type.BOOLEAN,
                null,
                Importance.LOW,
                "Whether to send TCP keep-alive probes.",
                GROUP,
                ++order,
                Width.SHORT,
                "TCP keep-alive");
        number(
                def,
                CLIENT_CONNECTION_TTL_MS,
                Type.LONG,
                1,
                "Maximum lifetime of a pooled connection, in ms.",
                ++order,
                "Connection TTL (ms)");
        number(
                def,
                CLIENT_CONNECTION_MAX_IDLE_MS,
                Type.LONG,
                1,
                "Idle time after which a pooled connection is closed, in ms.",
                ++order,
                "Connection max idle (ms)");
    }

    private static void number(
            ConfigDef def, String key, Type type, long min, String doc, int order, String display) {
        def.define(
                key,
                type,
                null,
                atLeastOrNull(min),
                Importance.LOW,
                doc + " Empty: the SDK default.",
                GROUP,
                order,
                Width.SHORT,
                display);
    }

    private static void text(
            ConfigDef def, String key, Type type, String doc, int order, String display) {
        def.define(
                key,
                type,
                null,
                Importance.LOW,
                doc + " Empty: none.",
                GROUP,
                order,
                Width.MEDIUM,
                display);
    }

    /** Like {@code Range.atLeast}, but an unset (null) value means the SDK default. */
    private static ConfigDef.Validator atLeastOrNull(long min) {
        return ConfigDef.LambdaValidator.with(
                (name, value) -> {
                    if (value != null && ((Number) value).longValue() < min) {
                        throw new ConfigException(name, value, "must be at least " + min);
                    }
                },
                () -> "empty or at least " + min);
    }

    static void validate(AwsConfigFragment f, Map<String, List<String>> errors) {
        boolean host = f.string(CLIENT_PROXY_HOST).isPresent();
        if (f.integer(CLIENT_PROXY_PORT).isPresent() && !host) {
            ConfigErrors.add(
                    errors, CLIENT_PROXY_PORT, CLIENT_PROXY_PORT + " needs " + CLIENT_PROXY_HOST);
        }
        if (f.password(CLIENT_PROXY_PASSWORD).isPresent()
                && f.string(CLIENT_PROXY_USERNAME).isEmpty()) {
            ConfigErrors.add(
                    errors,
                    CLIENT_PROXY_PASSWORD,
                    CLIENT_PROXY_PASSWORD + " needs " + CLIENT_PROXY_USERNAME);
        }
    }
}
