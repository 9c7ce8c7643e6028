package io.kinesisconnect.common.keys;

import java.util.Set;

/** Config keys of the AWS settings that the source and the sink connector share. */
public final class AwsKeys {
    public static final String REGION = "aws.region";
    public static final String ENDPOINT = "aws.endpoint";
    public static final String TLS_VERIFY_CERTIFICATES = "aws.tls.verify.certificates";

    public static final String CREDENTIALS_PROVIDER = "aws.credentials.provider";
    public static final String ACCESS_KEY_ID = "aws.access.key.id";
    public static final String SECRET_ACCESS_KEY = "aws.secret.access.key";
    public static final String SESSION_TOKEN = "aws.session.token";
    public static final String PROFILE_NAME = "aws.profile.name";
    public static final String PROFILE_PATH = "aws.profile.path";
    public static final String STS_ROLE_ARN = "aws.sts.role.arn";
    public static final String STS_EXTERNAL_ID = "aws.sts.external.id";
    public static final String STS_SESSION_NAME = "aws.sts.session.name";
    public static final String WEB_IDENTITY_TOKEN_FILE = "aws.web.identity.token.file";
    public static final String WEB_IDENTITY_ROLE_ARN = "aws.web.identity.role.arn";
    public static final String CREDENTIALS_PROVIDER_CLASS = "aws.credentials.provider.class";

    public static final String CLIENT_PREFIX = "aws.client.";
    public static final String CLIENT_SOCKET_TIMEOUT_MS = "aws.client.socket.timeout.ms";
    public static final String CLIENT_CONNECTION_TIMEOUT_MS = "aws.client.connection.timeout.ms";
    public static final String CLIENT_MAX_CONNECTIONS = "aws.client.max.connections";
    public static final String CLIENT_API_CALL_ATTEMPT_TIMEOUT_MS =
            "aws.client.api.call.attempt.timeout.ms";
    public static final String CLIENT_API_CALL_TIMEOUT_MS = "aws.client.api.call.timeout.ms";
    public static final String CLIENT_MAX_RETRIES = "aws.client.max.retries";
    public static final String CLIENT_PROXY_HOST = "aws.client.proxy.host";
    public static final String CLIENT_PROXY_PORT = "aws.client.proxy.port";
    public static final String CLIENT_PROXY_USERNAME = "aws.client.proxy.username";
    public static final String CLIENT_PROXY_PASSWORD = "aws.client.proxy.password";
    public static final String CLIENT_PROXY_NON_PROXY_HOSTS = "aws.client.proxy.non.proxy.hosts";
    public static final String CLIENT_USER_AGENT_PREFIX = "aws.client.user.agent.prefix";
    public static final String CLIENT_USER_AGENT_SUFFIX = "aws.client.user.agent.suffix";
    public static final String CLIENT_TCP_KEEPALIVE = "aws.client.tcp.keepalive";
    public static final String CLIENT_CONNECTION_TTL_MS = "aws.client.connection.ttl.ms";
    public static final String CLIENT_CONNECTION_MAX_IDLE_MS = "aws.client.connection.max.idle.ms";

    /** Keys whose values are secrets: typed PASSWORD, masked in every printed line. */
    public static final Set<String> SECRET_KEYS =
            Set.of(
                    ACCESS_KEY_ID,
                    SECRET_ACCESS_KEY,
                    SESSION_TOKEN,
                    STS_EXTERNAL_ID,
                    CLIENT_PROXY_PASSWORD);

    private AwsKeys() {}
}
