package io.kinesisconnect.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Injects PutRecords faults into every SDK client of the test JVM, the sink's SDK writer included
 * (the SDK loads it through software/amazon/awssdk/global/handlers/execution.interceptors on the
 * test classpath): whole calls throttled, and entries failed inside an answered call. A failed
 * entry is taken out of the request before it is sent, so it is truly not written, as with a real
 * throttle. Off unless a test turns it on; the emulators never throttle.
 */
public final class PutRecordsFaults implements ExecutionInterceptor {

    private static final ExecutionAttribute<List<Integer>> FAILED =
            new ExecutionAttribute<>("kc.test.failedEntries");
    private static final Random RANDOM = new Random(5);
    private static volatile boolean enabled;
    private static volatile double callThrottle;
    private static volatile double entryFailure;
    static final AtomicInteger CALLS = new AtomicInteger();
    static final AtomicInteger THROTTLED_CALLS = new AtomicInteger();
    static final AtomicInteger FAILED_ENTRIES = new AtomicInteger();

    /** Throttles this fraction of calls and fails this fraction of the entries of the others. */
    static void enable(double throttledCalls, double failedEntries) {
        callThrottle = throttledCalls;
        entryFailure = failedEntries;
        CALLS.set(0);
        THROTTLED_CALLS.set(0);
        FAILED_ENTRIES.set(0);
        enabled = true;
    }

    static void disable() {
        enabled = false;
    }

    private static double nextRandom() {
        synchronized (RANDOM) {
            return RANDOM.nextDouble();
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!enabled || !(context.request() instanceof PutRecordsRequest)) {
            return;
        }
        CALLS.incrementAndGet();
        if (nextRandom() < callThrottle) {
            THROTTLED_CALLS.incrementAndGet();
            throw ProvisionedThroughputExceededException.builder()
                    .awsErrorDetails(
                            AwsErrorDetails.builder()
                                    .errorCode("ProvisionedThroughputExceededException")
                                    .build())
                    .statusCode(400)
                    .message("Rate exceeded for stream (injected)")
                    .build();
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!enabled || !(context.request() instanceof PutRecordsRequest request)) {
            return context.request();
        }
        List<Integer> failed = new ArrayList<>();
        List<PutRecordsRequestEntry> kept = new ArrayList<>();
        for (int i = 0; i < request.records().size(); i++) {
            boolean last = i == request.records().size() - 1;
            if (nextRandom() < entryFailure && !(last && kept.isEmpty())) {
                failed.add(i);
            } else {
                kept.add(request.records().get(i));
            }
        }
        if (failed.isEmpty()) {
            return request;
        }
        FAILED_ENTRIES.addAndGet(failed.size());
        attributes.putAttribute(FAILED, failed);
        return request.toBuilder().records(kept).build();
    }

    @Override
    public SdkResponse modifyResponse(
            Context.ModifyResponse context, ExecutionAttributes attributes) {
        List<Integer> failed = attributes.getAttribute(FAILED);
        if (failed == null || !(context.response() instanceof PutRecordsResponse response)) {
            return context.response();
        }
        List<PutRecordsResultEntry> results = new ArrayList<>();
        int answered = 0;
        for (int i = 0; i < response.records().size() + failed.size(); i++) {
            if (failed.contains(i)) {
                String code =
                        i % 2 == 0 ? "ProvisionedThroughputExceededException" : "InternalFailure";
                results.add(
                        PutRecordsResultEntry.builder()
                                .errorCode(code)
                                .errorMessage("(injected)")
                                .build());
            } else {
                results.add(response.records().get(answered++));
            }
        }
        int failedCount = response.failedRecordCount() == null ? 0 : response.failedRecordCount();
        return response.toBuilder()
                .records(results)
                .failedRecordCount(failedCount + failed.size())
                .build();
    }
}
