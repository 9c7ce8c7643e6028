package io.kinesisconnect.source.it;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
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

    /** Throttles this fraction of GetRecords calls and expires the iterator of every n-th one. */
    static void enable(double throttle, int expireEveryNth) {
        throttleFraction = throttle;
        expireEvery = expireEveryNth;
        GET_RECORDS_CALLS.set(0);
        THROTTLED.set(0);
        EXPIRED.set(0);
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
}
