package io.kinesisconnect.common.translate;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.keys.KplConfigKeys.Bool;
import io.kinesisconnect.common.keys.KplConfigKeys.LongRange;
import io.kinesisconnect.common.keys.KplConfigKeys.Matches;
import io.kinesisconnect.common.keys.KplConfigKeys.Rule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Maps the AWS SDK v1 {@code ClientConfiguration} property names that StateFun ingresses use onto
 * the shared {@code aws.client.*} keys, which the connectors apply to AWS SDK v2 clients.
 */
public final class ClientConfigMapping {

    /** Where one SDK v1 property goes, what it accepts, and how its value is rewritten. */
    public record Target(String key, Rule rule, UnaryOperator<String> convert) {}

    private static final long INT_MAX = Integer.MAX_VALUE;
    private static final Rule MILLIS = new LongRange(1, INT_MAX);
    private static final Rule TEXT = new Matches("(?s).+", "any text");

    /** SDK v1 name to target, in the order of the SDK v1 documentation. */
    public static final Map<String, Target> MAPPINGS = mappings();

    /**
     * SDK v1 settings that have no SDK v2 counterpart or that v2 handles by itself: accepted with a
     * warning so old specs keep working.
     */
    public static final Set<String> IGNORED =
            Set.of(
                    "UseReaper",
                    "UseGzip",
                    "ResponseMetadataCacheSize",
                    "CacheResponseMetadata",
                    "SignerOverride",
                    "PreemptiveBasicProxyAuth",
                    "ProxyDomain",
                    "ProxyWorkstation",
                    "UseThrottleRetries",
                    "MaxConsecutiveRetriesBeforeThrottling",
                    "ValidateAfterInactivityMillis",
                    "UseExpectContinue",
                    "DisableSocketProxy",
                    "SocketBufferSizeHints");

    /** The SDK v1 {@code Protocol} setting, answered by the endpoint's scheme in SDK v2. */
    public static final String PROTOCOL = "Protocol";

    private ClientConfigMapping() {}

    private static Map<String, Target> mappings() {
        Map<String, Target> m = new LinkedHashMap<>();
        put(m, "ConnectionTimeout", AwsKeys.CLIENT_CONNECTION_TIMEOUT_MS, MILLIS);
        put(m, "SocketTimeout", AwsKeys.CLIENT_SOCKET_TIMEOUT_MS, MILLIS);
        put(m, "RequestTimeout", AwsKeys.CLIENT_API_CALL_ATTEMPT_TIMEOUT_MS, MILLIS);
        put(m, "ClientExecutionTimeout", AwsKeys.CLIENT_API_CALL_TIMEOUT_MS, MILLIS);
        put(m, "MaxConnections", AwsKeys.CLIENT_MAX_CONNECTIONS, new LongRange(1, INT_MAX));
        put(m, "MaxErrorRetry", AwsKeys.CLIENT_MAX_RETRIES, new LongRange(0, 100));
        put(m, "ProxyHost", AwsKeys.CLIENT_PROXY_HOST, TEXT);
        put(m, "ProxyPort", AwsKeys.CLIENT_PROXY_PORT, new LongRange(1, 65535));
        put(m, "ProxyUsername", AwsKeys.CLIENT_PROXY_USERNAME, TEXT);
        put(m, "ProxyPassword", AwsKeys.CLIENT_PROXY_PASSWORD, TEXT);
        // SDK v1 separates non-proxy hosts with '|'; our key is a comma list.
        m.put(
                "NonProxyHosts",
                new Target(
                        AwsKeys.CLIENT_PROXY_NON_PROXY_HOSTS,
                        TEXT,
                        v -> String.join(",", v.split("\\|"))));
        put(m, "UserAgent", AwsKeys.CLIENT_USER_AGENT_SUFFIX, TEXT);
        put(m, "UserAgentSuffix", AwsKeys.CLIENT_USER_AGENT_SUFFIX, TEXT);
        put(m, "UserAgentPrefix", AwsKeys.CLIENT_USER_AGENT_PREFIX, TEXT);
        put(m, "UseTcpKeepAlive", AwsKeys.CLIENT_TCP_KEEPALIVE, new Bool());
        put(
                m,
                "ConnectionTTL",
                AwsKeys.CLIENT_CONNECTION_TTL_MS,
                new LongRange(-1, Long.MAX_VALUE));
        put(m, "ConnectionMaxIdleMillis", AwsKeys.CLIENT_CONNECTION_MAX_IDLE_MS, MILLIS);
        return Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, Target> m, String name, String key, Rule rule) {
        m.put(name, new Target(key, rule, String::trim));
    }
}
