package io.kinesisconnect.testkit.limits;

import java.util.Optional;

/**
 * The control-plane rates: ListShards per stream, DescribeStreamSummary, ListStreams and
 * RegisterStreamConsumer per account. Other operations pass without a limit.
 */
final class ControlGate {

    private final KinesisLimiter limiter;
    private final ProxyCounters counters;

    ControlGate(KinesisLimiter limiter, ProxyCounters counters) {
        this.limiter = limiter;
        this.counters = counters;
    }

    /** A LimitExceededException when the call is over its rate; empty when it may go upstream. */
    Optional<HttpReply> refusal(KinesisCall call) {
        Limit limit = limitOf(call.operation());
        String scope = scopeOf(call, limit);
        if (limit != null && !limiter.admitControl(limit, scope)) {
            counters.refused(call.operation(), scope, 1);
            return Optional.of(AwsErrors.limitExceeded(call.operation(), scope));
        }
        counters.allowed(call.operation(), scope, 1);
        return Optional.empty();
    }

    private static Limit limitOf(String operation) {
        return switch (operation) {
            case "ListShards" -> Limit.LIST_SHARDS;
            case "DescribeStreamSummary" -> Limit.DESCRIBE_STREAM_SUMMARY;
            case "ListStreams" -> Limit.LIST_STREAMS;
            case "RegisterStreamConsumer" -> Limit.REGISTER_STREAM_CONSUMER;
            default -> null;
        };
    }

    /**
     * ListShards is limited per stream; a follow-up page names only its NextToken, so it shares one
     * scope with every other such page. The rest are per account; unlimited calls are counted per
     * stream when they name one.
     */
    private static String scopeOf(KinesisCall call, Limit limit) {
        String stream = call.stream();
        if (limit == Limit.LIST_SHARDS) {
            return stream != null ? stream : "next-token";
        }
        if (limit != null || stream == null) {
            return KinesisLimiter.ACCOUNT;
        }
        return stream;
    }
}
