package io.kinesisconnect.source.it;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;

/**
 * Injects Kinesis faults into every SDK client of the test JVM, including the connector's: the SDK
 * loads it through software/amazon/awssdk/global/handlers/execution.interceptors on the test
 * classpath. Off unless a test turns it on; the emulators never throttle or expire on their own
 * within a test's time.
 */
public final class FaultInjector implements ExecutionInterceptor {

    private static volatile boolean enabled;
    private static volatile double throttleFraction;
    private static volatile int expireEvery;
    private static final Random RANDOM = new Random(11);
    static final AtomicInteger GET_RECORDS_CALLS = new AtomicInteger();
    static final AtomicInteger THROTTLED = new AtomicInteger();
    static final AtomicInteger EXPIRED = new AtomicInteger();

    /** GetRecords calls per shard ("stream/shardId"), throttled and expired ones included. */
    static final CallRates GET_RECORDS_RATES = new CallRates();

    static final String UNKNOWN_SHARD = "unknown";

    /**
     * GetRecords names no shard, only an iterator: which shard each iterator reads, learned from
     * the GetShardIterator and GetRecords responses.
     */
    private static final Map<String, String> SHARD_OF_ITERATOR = new ConcurrentHashMap<>();

    /** Throttles this fraction of GetRecords calls and expires the iterator of every n-th one. */
    static void enable(double throttle, int expireEveryNth) {
        throttleFraction = throttle;
        expireEvery = expireEveryNth;
        GET_RECORDS_CALLS.set(0);
        THROTTLED.set(0);
        EXPIRED.set(0);
        GET_RECORDS_RATES.clear();
        SHARD_OF_ITERATOR.clear();
        enabled = true;
    }

    static void disable() {
        enabled = false;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!enabled || !(context.request() instanceof GetRecordsRequest)) {
            return;
        }
        String iterator = ((GetRecordsRequest) context.request()).shardIterator();
        GET_RECORDS_RATES.record(
                SHARD_OF_ITERATOR.getOrDefault(iterator, UNKNOWN_SHARD), System.nanoTime());
        int call = GET_RECORDS_CALLS.incrementAndGet();
        if (expireEvery > 0 && call % expireEvery == 0) {
            EXPIRED.incrementAndGet();
            throw ExpiredIteratorException.builder()
                    .awsErrorDetails(
                            AwsErrorDetails.builder().errorCode("ExpiredIteratorException").build())
                    .statusCode(400)
                    .message("Iterator expired (injected)")
                    .build();
        }
        boolean throttle;
        synchronized (RANDOM) {
            throttle = RANDOM.nextDouble() < throttleFraction;
        }
        if (throttle) {
            THROTTLED.incrementAndGet();
            throw ProvisionedThroughputExceededException.builder()
                    .awsErrorDetails(
                            AwsErrorDetails.builder()
                                    .errorCode("ProvisionedThroughputExceededException")
                                    .build())
                    .statusCode(400)
                    .message("Rate exceeded for shard (injected)")
                    .build();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!enabled) {
            return;
        }
        if (context.request() instanceof GetShardIteratorRequest request
                && context.response() instanceof GetShardIteratorResponse response) {
            SHARD_OF_ITERATOR.put(
                    response.shardIterator(), request.streamName() + "/" + request.shardId());
        } else if (context.request() instanceof GetRecordsRequest request
                && context.response() instanceof GetRecordsResponse response) {
            String shard = SHARD_OF_ITERATOR.remove(request.shardIterator());
            if (shard != null && response.nextShardIterator() != null) {
                SHARD_OF_ITERATOR.put(response.nextShardIterator(), shard);
            }
        }
    }
}
