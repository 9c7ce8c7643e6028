package io.kinesisconnect.common.aws;

import io.kinesisconnect.common.keys.AwsKeys;
import java.util.HashSet;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.ProtocolNegotiation;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClientBuilder;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Builds Kinesis clients from {@link AwsConfigFragment}: a synchronous one on the Apache HTTP
 * client and an asynchronous one on Netty (for enhanced fan-out).
 */
public final class AwsClientFactory {
    private static final Logger log = LoggerFactory.getLogger(AwsClientFactory.class);

    private AwsClientFactory() {}

    public static KinesisClient kinesisClient(AwsConfigFragment config) {
        ApacheHttpClient.Builder http = ApacheHttpClient.builder();
        config.millis(AwsKeys.CLIENT_SOCKET_TIMEOUT_MS).ifPresent(http::socketTimeout);
        config.millis(AwsKeys.CLIENT_CONNECTION_TIMEOUT_MS).ifPresent(http::connectionTimeout);
        config.integer(AwsKeys.CLIENT_MAX_CONNECTIONS).ifPresent(http::maxConnections);
        config.bool(AwsKeys.CLIENT_TCP_KEEPALIVE).ifPresent(http::tcpKeepAlive);
        config.millis(AwsKeys.CLIENT_CONNECTION_TTL_MS).ifPresent(http::connectionTimeToLive);
        config.millis(AwsKeys.CLIENT_CONNECTION_MAX_IDLE_MS).ifPresent(http::connectionMaxIdleTime);
        config.string(AwsKeys.CLIENT_PROXY_HOST)
                .ifPresent(host -> http.proxyConfiguration(apacheProxy(config, host)));
        KinesisClientBuilder builder =
                KinesisClient.builder().httpClient(http.buildWithDefaults(tlsDefaults(config)));
        return common(builder, config).build();
    }

    /**
     * An asynchronous client on Netty speaking HTTP/2, as SubscribeToShard (enhanced fan-out)
     * requires: negotiated by ALPN over https, prior knowledge (h2c) over plain http.
     */
    public static KinesisAsyncClient kinesisAsyncClient(AwsConfigFragment config) {
        NettyNioAsyncHttpClient.Builder http =
                NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP2);
        boolean plainHttp =
                config.endpoint().map(uri -> "http".equals(uri.getScheme())).orElse(false);
        if (!plainHttp) {
            http.protocolNegotiation(ProtocolNegotiation.ALPN);
        }
        config.millis(AwsKeys.CLIENT_SOCKET_TIMEOUT_MS)
                .ifPresent(d -> http.readTimeout(d).writeTimeout(d));
        config.millis(AwsKeys.CLIENT_CONNECTION_TIMEOUT_MS).ifPresent(http::connectionTimeout);
        config.integer(AwsKeys.CLIENT_MAX_CONNECTIONS).ifPresent(http::maxConcurrency);
        config.bool(AwsKeys.CLIENT_TCP_KEEPALIVE).ifPresent(http::tcpKeepAlive);
        config.millis(AwsKeys.CLIENT_CONNECTION_TTL_MS).ifPresent(http::connectionTimeToLive);
        config.millis(AwsKeys.CLIENT_CONNECTION_MAX_IDLE_MS).ifPresent(http::connectionMaxIdleTime);
        config.string(AwsKeys.CLIENT_PROXY_HOST)
                .ifPresent(host -> http.proxyConfiguration(nettyProxy(config, host)));
        KinesisAsyncClientBuilder builder =
                KinesisAsyncClient.builder()
                        .httpClient(http.buildWithDefaults(tlsDefaults(config)));
        return common(builder, config).build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B common(
            B builder, AwsConfigFragment config) {
        config.region().map(Region::of).ifPresent(builder::region);
        config.endpoint().ifPresent(builder::endpointOverride);
        builder.credentialsProvider(AwsCredentialsFactory.create(config));
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        config.millis(AwsKeys.CLIENT_API_CALL_ATTEMPT_TIMEOUT_MS)
                .ifPresent(override::apiCallAttemptTimeout);
        config.millis(AwsKeys.CLIENT_API_CALL_TIMEOUT_MS).ifPresent(override::apiCallTimeout);
        config.integer(AwsKeys.CLIENT_MAX_RETRIES)
                .ifPresent(
                        n ->
                                override.retryStrategy(RetryMode.STANDARD)
                                        .retryStrategy(b -> b.maxAttempts(n + 1)));
        config.string(AwsKeys.CLIENT_USER_AGENT_PREFIX)
                .ifPresent(
                        p ->
                                override.putAdvancedOption(
                                        SdkAdvancedClientOption.USER_AGENT_PREFIX, p));
        config.string(AwsKeys.CLIENT_USER_AGENT_SUFFIX)
                .ifPresent(
                        s ->
                                override.putAdvancedOption(
                                        SdkAdvancedClientOption.USER_AGENT_SUFFIX, s));
        builder.overrideConfiguration(override.build());
        log.info(
                "Kinesis client region={} endpoint={} verifyCertificates={}",
                config.region().orElse("(default chain)"),
                config.endpoint().map(Object::toString).orElse("(standard)"),
                config.verifyCertificates());
        return builder;
    }

    /** Trust-all only when the user explicitly set aws.tls.verify.certificates=false. */
    private static AttributeMap tlsDefaults(AwsConfigFragment config) {
        if (config.verifyCertificates()) {
            return AttributeMap.empty();
        }
        log.warn(
                "TLS certificate verification is OFF ({}=false); use this only against local emulators",
                AwsKeys.TLS_VERIFY_CERTIFICATES);
        return AttributeMap.builder()
                .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true)
                .build();
    }

    private static ProxyConfiguration apacheProxy(AwsConfigFragment config, String host) {
        ProxyConfiguration.Builder p =
                ProxyConfiguration.builder()
                        .endpoint(
                                java.net.URI.create(
                                        "http://"
                                                + host
                                                + ":"
                                                + config.integer(AwsKeys.CLIENT_PROXY_PORT)
                                                        .orElse(80)));
        config.string(AwsKeys.CLIENT_PROXY_USERNAME).ifPresent(p::username);
        config.password(AwsKeys.CLIENT_PROXY_PASSWORD).map(Password::value).ifPresent(p::password);
        p.nonProxyHosts(new HashSet<>(config.nonProxyHosts()));
        return p.build();
    }

    private static software.amazon.awssdk.http.nio.netty.ProxyConfiguration nettyProxy(
            AwsConfigFragment config, String host) {
        software.amazon.awssdk.http.nio.netty.ProxyConfiguration.Builder p =
                software.amazon.awssdk.http.nio.netty.ProxyConfiguration.builder()
                        .host(host)
                        .port(config.integer(AwsKeys.CLIENT_PROXY_PORT).orElse(80));
        config.string(AwsKeys.CLIENT_PROXY_USERNAME).ifPresent(p::username);
        config.password(AwsKeys.CLIENT_PROXY_PASSWORD).map(Password::value).ifPresent(p::password);
        p.nonProxyHosts(new HashSet<>(config.nonProxyHosts()));
        return p.build();
    }
}
