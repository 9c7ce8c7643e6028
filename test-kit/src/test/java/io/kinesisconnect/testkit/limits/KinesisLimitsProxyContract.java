package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.processes.LandedRecord;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * What the limits proxy must do in front of every emulator, on one-shard streams: refuse writes
 * above the shard's record rate entry by entry as AWS does, admit them at the limit, throttle a
 * reader above five GetRecords per second and never one below; and, as the control, refuse nothing
 * with the limits off.
 */
abstract class KinesisLimitsProxyContract {

    /** 50 KiB/s: a 300 KB answer leaves a debt of about 200 KB, four seconds to repay. */
    static final int READ_BYTES_PER_SECOND = 50 * 1024;

    /** Two seconds of burst, so that a scheduler stall of up to two seconds loses no tokens. */
    static final double BURST_SECONDS = 2.0;

    private static final String SHARD = "shardId-000000000000";
    private static final String WARM_UP_KEY = "warm-up";
    private static final int TICK_MILLIS = 100;
    private static final int TICKS = 50;

    /**
     * AWS's limits with the write record rate lowered to {@code recordsPerSecond}, so that the
     * emulator keeps up with twice the limit on a loaded machine, and {@link #BURST_SECONDS}.
     */
    static KinesisLimits limits(int recordsPerSecond) {
        return KinesisLimits.aws()
                .with(Limit.WRITE_RECORDS, recordsPerSecond)
                .with(Limit.READ_BYTES, READ_BYTES_PER_SECOND)
                .withBurstSeconds(BURST_SECONDS);
    }

    /** The write record rate of the {@link #limited()} proxy. */
    abstract int recordsPerSecond();

    abstract KinesisEmulatorExtension kinesis();

    /** A proxy with {@link #limits} of {@link #recordsPerSecond()}. */
    abstract KinesisLimitsProxyExtension limited();

    /** A proxy with no limits: the control. */
    abstract KinesisLimitsProxyExtension unlimited();

    @Test
    void writesAtTwiceTheLimitAreRefusedPerEntryAndAdmittedAtTheLimit() throws Exception {
        String stream = kinesis().streams().create("limits-write", 1);

        WriteRun run = writeAtTwiceTheLimit(limited().endpoint(), stream);

        String scope = stream + "/" + SHARD;
        assertThat(run.refused).as("entries refused").isPositive();
        assertThat(run.accepted + run.refused).isEqualTo(TICKS * entriesPerTick());
        assertThat(limited().counters().refused("PutRecords", scope)).isEqualTo(run.refused);
        assertThat(limited().counters().allowed("PutRecords", scope)).isEqualTo(run.accepted + 1);
        assertThat(run.messages)
                .containsExactly(
                        "Rate exceeded for shard "
                                + SHARD
                                + " in stream "
                                + stream
                                + " under account 000000000000.");
        // The bucket holds its burst when the first batch arrives (it has refilled the warm-up
        // record); after that it admits the rate.
        double rate = (run.accepted - recordsPerSecond() * BURST_SECONDS) / run.windowSeconds();
        assertThat(rate)
                .as("admitted records per second over %.1f s", run.windowSeconds())
                .isBetween(recordsPerSecond() * 0.9, recordsPerSecond() * 1.1);
        // Exactly the entries answered with a sequence number landed: the results were merged
        // back in the request's order.
        Set<String> landed =
                kinesis().reader().readAll(stream).records().stream()
                        .map(LandedRecord::partitionKey)
                        .collect(Collectors.toSet());
        assertThat(landed).isEqualTo(run.acceptedKeys);
    }

    @Test
    void withTheLimitsOffNothingIsRefused() throws Exception {
        String stream = kinesis().streams().create("limits-control", 1);

        WriteRun run = writeAtTwiceTheLimit(unlimited().endpoint(), stream);

        assertThat(run.refused).isZero();
        assertThat(unlimited().counters().totalRefused()).isZero();
        assertThat(run.accepted).isEqualTo(TICKS * entriesPerTick());
    }

    @Test
    void aReaderAboveFiveCallsPerSecondIsThrottled() throws Exception {
        String stream = kinesis().streams().create("limits-fast-reader", 1);
        String scope = stream + "/" + SHARD;
        int calls = 20;
        try (KinesisClient client = KinesisTestClients.createWithoutRetries(limited().endpoint())) {
            String iterator = trimHorizon(client, stream);
            ExecutorService pool = Executors.newFixedThreadPool(calls);
            long started = System.nanoTime();
            List<Future<Boolean>> results = new ArrayList<>();
            try {
                for (int i = 0; i < calls; i++) {
                    results.add(pool.submit(throttled(client, iterator)));
                }
                int refused = 0;
                for (Future<Boolean> result : results) {
                    refused += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                double seconds = (System.nanoTime() - started) / 1e9;

                assertThat(refused).as("calls throttled").isPositive();
                assertThat(limited().counters().refused("GetRecords", scope)).isEqualTo(refused);
                assertThat(calls - refused)
                        .as("admitted in %.2f s", seconds)
                        .isLessThanOrEqualTo((int) (5 * BURST_SECONDS + 5 * seconds) + 1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aReaderBelowFiveCallsPerSecondIsNeverThrottled() throws Exception {
        String stream = kinesis().streams().create("limits-slow-reader", 1);
        String scope = stream + "/" + SHARD;
        int calls = 10;
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (KinesisClient client = KinesisTestClients.createWithoutRetries(limited().endpoint())) {
            String iterator = trimHorizon(client, stream);
            AtomicInteger done = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            Callable<Boolean> call = throttled(client, iterator);
            // 2.5 calls per second: half the limit.
            ScheduledFuture<?> reader =
                    scheduler.scheduleAtFixedRate(
                            () -> {
                                if (done.get() < calls) {
                                    refused.addAndGet(callQuietly(call) ? 1 : 0);
                                    done.incrementAndGet();
                                }
                            },
                            0,
                            400,
                            TimeUnit.MILLISECONDS);
            Await.until(
                    "10 paced GetRecords calls", Duration.ofSeconds(30), () -> done.get() >= calls);
            reader.cancel(false);

            assertThat(refused).hasValue(0);
            assertThat(limited().counters().refused("GetRecords", scope)).isZero();
            assertThat(limited().counters().allowed("GetRecords", scope)).isEqualTo(calls);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void refusalsReachTheSdkAsAwsErrorTypes() throws Exception {
        String stream = kinesis().streams().create("limits-errors", 1);
        String record = "x".repeat(1_000_000);
        try (KinesisClient client = KinesisTestClients.createWithoutRetries(limited().endpoint())) {
            // Four 1 MB PutRecords at once against 1 MiB/s with two seconds of burst.
            List<Throwable> putErrors =
                    inParallel(
                            4,
                            () ->
                                    client.putRecord(
                                            b ->
                                                    b.streamName(stream)
                                                            .partitionKey("big")
                                                            .data(
                                                                    SdkBytes.fromUtf8String(
                                                                            record))));
            // Twenty ListStreams at once against five per second with two seconds of burst.
            List<Throwable> listErrors = inParallel(20, client::listStreams);

            assertThat(putErrors).isNotEmpty();
            assertThat(putErrors)
                    .allSatisfy(
                            e -> {
                                assertThat(e)
                                        .isInstanceOf(ProvisionedThroughputExceededException.class);
                                assertThat(((AwsServiceException) e).statusCode()).isEqualTo(400);
                                assertThat(e.getMessage())
                                        .startsWith("Rate exceeded for shard " + SHARD);
                            });
            assertThat(listErrors).isNotEmpty();
            assertThat(listErrors)
                    .allSatisfy(
                            e -> {
                                assertThat(e).isInstanceOf(LimitExceededException.class);
                                assertThat(((AwsServiceException) e).statusCode()).isEqualTo(400);
                            });
            assertThat(limited().counters().refused("PutRecord", stream + "/" + SHARD))
                    .isEqualTo(putErrors.size());
        }
    }

    /** Runs {@code calls} copies of {@code call} at once; returns what they threw. */
    private static List<Throwable> inParallel(int calls, Runnable call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(call));
            }
            List<Throwable> errors = new ArrayList<>();
            for (Future<?> future : futures) {
                try {
                    future.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    errors.add(e.getCause());
                }
            }
            return errors;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLargeAnswerLeavesAByteDebtThatRefusesTheShardUntilRepaid() {
        String stream = kinesis().streams().create("limits-read-debt", 1);
        for (int i = 0; i < 3; i++) {
            String key = "big-" + i;
            kinesis()
                    .client()
                    .putRecord(
                            b ->
                                    b.streamName(stream)
                                            .partitionKey(key)
                                            .data(SdkBytes.fromUtf8String("y".repeat(100_000))));
        }
        String scope = stream + "/" + SHARD;
        try (KinesisClient client = KinesisTestClients.createWithoutRetries(limited().endpoint())) {
            String iterator = trimHorizon(client, stream);

            GetRecordsResponse first = client.getRecords(b -> b.shardIterator(iterator));
            assertThat(first.records()).hasSize(3);
            String next = first.nextShardIterator();

            assertThat(callQuietly(throttled(client, next)))
                    .as("the call after 300 KB against 100 KiB of budget")
                    .isTrue();
            GetRecordsResponse[] repaid = new GetRecordsResponse[1];
            Await.until(
                    "the read debt to be repaid",
                    Duration.ofSeconds(30),
                    () -> {
                        repaid[0] = client.getRecords(b -> b.shardIterator(next));
                        return true;
                    });
            assertThat(repaid[0].records()).as("nothing read twice, nothing skipped").isEmpty();
            assertThat(limited().counters().refused("GetRecords", scope)).isPositive();
            assertThat(limited().counters().allowed("GetRecords", scope)).isEqualTo(2);
        }
    }

    /** A GetRecords on the iterator; true when it was throttled. */
    private static Callable<Boolean> throttled(KinesisClient client, String iterator) {
        return () -> {
            try {
                client.getRecords(b -> b.shardIterator(iterator));
                return false;
            } catch (ProvisionedThroughputExceededException e) {
                return true;
            }
        };
    }

    private static boolean callQuietly(Callable<Boolean> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAnswerCutToTheByteBudgetKeepsTheIteratorConsistent() {
        String stream = kinesis().streams().create("limits-cut", 1);
        int records = 30;
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            entries.add(
                    PutRecordsRequestEntry.builder()
                            .partitionKey(String.format("k-%02d", i))
                            .data(SdkBytes.fromUtf8String("x".repeat(1_000)))
                            .build());
        }
        PutRecordsResponse put =
                kinesis().client().putRecords(b -> b.streamName(stream).records(entries));
        assertThat(put.failedRecordCount()).isZero();
        // 1,004 bytes a record: four fit in 5,000 bytes, so 30 records take 7 cut answers and 2
        // records in an eighth.
        KinesisLimits cutting = KinesisLimits.none().withGetRecordsMax(5_000, 10_000);
        List<String> read = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        try (KinesisLimitsProxy proxy =
                        KinesisLimitsProxy.start(kinesis().emulator().endpoint(), cutting, 0);
                KinesisClient client = KinesisTestClients.createWithoutRetries(proxy.endpoint())) {
            String iterator = trimHorizon(client, stream);
            for (int call = 0; call < 3 * records && read.size() < records; call++) {
                String current = iterator;
                GetRecordsResponse answer = client.getRecords(b -> b.shardIterator(current));
                answer.records().forEach(r -> read.add(r.partitionKey()));
                sizes.add(answer.records().size());
                iterator = answer.nextShardIterator();
            }

            assertThat(read)
                    .containsExactlyElementsOf(
                            entries.stream().map(PutRecordsRequestEntry::partitionKey).toList());
            assertThat(sizes).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4));
            assertThat(proxy.counters().allowed(ReadGate.GET_RECORDS_CUT)).isEqualTo(7);
            // The bytes returned are counted as charged: each record once, after the cuts.
            assertThat(proxy.counters().bytes("GetRecords")).isEqualTo(records * 1_004L);
            // After the last record, the iterator still reads on: nothing is repeated.
            String last = iterator;
            assertThat(client.getRecords(b -> b.shardIterator(last)).records()).isEmpty();
        }
    }

    private static String trimHorizon(KinesisClient client, String stream) {
        return client.getShardIterator(
                        b ->
                                b.streamName(stream)
                                        .shardId(SHARD)
                                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
    }

    /**
     * Sends twice {@link #recordsPerSecond()} in ticks of {@value #TICK_MILLIS} ms for {@value
     * #TICKS} ticks. A scheduler paces the ticks (no sleeping) and hands each batch to a pool, so
     * slow answers on a loaded machine do not lower the offered rate.
     */
    private WriteRun writeAtTwiceTheLimit(URI endpoint, String stream)
            throws InterruptedException, ExecutionException {
        WriteRun run = new WriteRun();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        // A thread per batch: a slow emulator must not queue batches and lower the offered rate.
        ExecutorService senders = Executors.newFixedThreadPool(TICKS);
        try (KinesisClient client = KinesisTestClients.createWithoutRetries(endpoint)) {
            // One record first, with the same API, so the proxy has read the shard map, the
            // shard's bucket exists and the client has loaded its classes before the window.
            PutRecordsResponse warmUp =
                    client.putRecords(
                            b ->
                                    b.streamName(stream)
                                            .records(
                                                    PutRecordsRequestEntry.builder()
                                                            .partitionKey(WARM_UP_KEY)
                                                            .data(
                                                                    SdkBytes.fromUtf8String(
                                                                            "warm-up"))
                                                            .build()));
            assertThat(warmUp.failedRecordCount()).isZero();
            run.acceptedKeys.add(WARM_UP_KEY);
            AtomicInteger ticks = new AtomicInteger();
            List<Future<?>> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
            ScheduledFuture<?> pacer =
                    scheduler.scheduleAtFixedRate(
                            () -> {
                                int tick = ticks.getAndIncrement();
                                if (tick < TICKS) {
                                    sent.add(
                                            senders.submit(
                                                    () -> {
                                                        run.sending();
                                                        run.record(
                                                                tick,
                                                                client.putRecords(
                                                                        batch(stream, tick)));
                                                    }));
                                }
                            },
                            0,
                            TICK_MILLIS,
                            TimeUnit.MILLISECONDS);
            Await.until("50 ticks of writes", Duration.ofSeconds(60), () -> sent.size() >= TICKS);
            pacer.cancel(false);
            for (Future<?> batch : sent) {
                batch.get(60, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("A PutRecords through the proxy did not answer in 60 s", e);
        } finally {
            scheduler.shutdownNow();
            senders.shutdownNow();
        }
        return run;
    }

    private software.amazon.awssdk.services.kinesis.model.PutRecordsRequest batch(
            String stream, int tick) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < entriesPerTick(); i++) {
            entries.add(
                    PutRecordsRequestEntry.builder()
                            .partitionKey(key(tick, i))
                            .data(SdkBytes.fromUtf8String("record " + key(tick, i)))
                            .build());
        }
        return software.amazon.awssdk.services.kinesis.model.PutRecordsRequest.builder()
                .streamName(stream)
                .records(entries)
                .build();
    }

    /** Twice the limit, per tick. */
    private int entriesPerTick() {
        return 2 * recordsPerSecond() * TICK_MILLIS / 1000;
    }

    private static String key(int tick, int entry) {
        return "key-" + tick + "-" + entry;
    }

    /** What the writer saw in the answers. Written by the scheduler thread only. */
    private final class WriteRun {
        private volatile int accepted;
        private volatile int refused;
        private long firstSend = Long.MAX_VALUE;
        private long lastSend = Long.MIN_VALUE;
        private final Set<String> acceptedKeys = new HashSet<>();
        private final Set<String> messages = new HashSet<>();

        /**
         * Notes that a batch is being sent now. The proxy admits entries when a request arrives,
         * before the emulator answers, so the window ends when the last batch was sent.
         */
        synchronized void sending() {
            long now = System.nanoTime();
            firstSend = Math.min(firstSend, now);
            lastSend = Math.max(lastSend, now);
        }

        /** From the first batch sent to the last: the window in which the proxy admitted them. */
        synchronized double windowSeconds() {
            return (lastSend - firstSend) / 1e9;
        }

        synchronized void record(int tick, PutRecordsResponse response) {
            List<PutRecordsResultEntry> results = response.records();
            assertThat(results).hasSize(entriesPerTick());
            int failed = 0;
            for (int i = 0; i < results.size(); i++) {
                PutRecordsResultEntry result = results.get(i);
                if (result.errorCode() == null) {
                    assertThat(result.sequenceNumber()).isNotNull();
                    acceptedKeys.add(key(tick, i));
                    accepted++;
                } else {
                    assertThat(result.errorCode())
                            .isEqualTo("ProvisionedThroughputExceededException");
                    messages.add(result.errorMessage());
                    failed++;
                    refused++;
                }
            }
            assertThat(response.failedRecordCount()).isEqualTo(failed);
        }
    }
}
