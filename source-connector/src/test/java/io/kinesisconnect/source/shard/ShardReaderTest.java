package io.kinesisconnect.source.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.source.kinesis.IteratorPosition;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.offset.ShardOffset;
import io.kinesisconnect.source.offset.SourceOffsets;
import io.kinesisconnect.source.record.Aggregates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

class ShardReaderTest {

    private static final String STREAM = "orders";
    private static final ShardRef SHARD = new ShardRef(STREAM, "shard-0");
    private static final Duration MIN_INTERVAL = Duration.ofMillis(200);

    private final FakeStreamProxy kinesis = new FakeStreamProxy(STREAM).addShard("shard-0", null);
    private final AtomicLong clock = new AtomicLong();
    private final Set<ShardRef> finishedParents = new HashSet<>();
    private final Set<ShardRef> endsRecorded = new HashSet<>();
    private RecordBuffer buffer = new RecordBuffer(100_000);
    private int maxPerCall = 10_000;

    @Test
    void emitsEveryRecordInOrderWithItsOffsetAndRespectsTheCallRate() {
        List<String> sequences = putPlain(25);
        maxPerCall = 10;
        ShardReader reader = reader(Optional.empty());

        List<SourceRecord> emitted = run(reader, 40);

        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 25));
        assertThat(emitted.get(24).sourceOffset())
                .isEqualTo(SourceOffsets.offset(new ShardOffset(sequences.get(24), 0, false)));
        assertThat(emitted.get(0).sourcePartition()).isEqualTo(SourceOffsets.partition(SHARD));
        assertThat(emitted.get(0).key()).isEqualTo("key-0");
    }

    @Test
    void waitsAtLeastTheMinimumIntervalBetweenCallsAndLongerWhenIdleAtTheTip() {
        putPlain(5);
        ShardReader reader = reader(Optional.empty());

        Optional<Duration> afterData = reader.step();
        Optional<Duration> tooSoon = reader.step();
        clock.addAndGet(MIN_INTERVAL.toNanos());
        Optional<Duration> afterEmptyTip = reader.step();

        assertThat(afterData).contains(MIN_INTERVAL);
        assertThat(tooSoon).contains(MIN_INTERVAL);
        assertThat(afterEmptyTip).contains(Duration.ofSeconds(1));
        assertThat(kinesis.getRecordsCalls).isEqualTo(2);
    }

    @Test
    void resumesAfterTheStoredOffsetWithoutRepeatingOrSkipping() {
        List<String> sequences = putPlain(10);
        ShardReader reader = reader(Optional.of(new ShardOffset(sequences.get(3), 0, false)));

        List<SourceRecord> emitted = run(reader, 10);

        assertThat(values(emitted)).containsExactlyElementsOf(payloads(4, 10));
        assertThat(kinesis.positionsAsked.get(0))
                .isEqualTo(new IteratorPosition.AtSequenceNumber(sequences.get(3)));
    }

    @Test
    void resumesInTheMiddleOfAnAggregateAtTheNextUserRecord() {
        putPlain(1);
        String aggregate =
                kinesis.put(
                        "shard-0",
                        "agg",
                        Aggregates.of(
                                List.of("a", "b", "c"), List.of("u0", "u1", "u2", "u3", "u4")));
        kinesis.put("shard-0", "key-after", "after".getBytes(StandardCharsets.UTF_8));
        ShardReader reader = reader(Optional.of(new ShardOffset(aggregate, 2, false)));

        List<SourceRecord> emitted = run(reader, 10);

        assertThat(values(emitted)).containsExactly("u3", "u4", "after");
        assertThat(emitted.get(0).key()).isEqualTo("a"); // u3 uses partition key index 3 % 3 = 0
        assertThat(emitted.get(0).sourceOffset())
                .isEqualTo(SourceOffsets.offset(new ShardOffset(aggregate, 3, false)));
    }

    @Test
    void anExpiredIteratorContinuesRightAfterTheLastEmittedRecord() {
        putPlain(6);
        maxPerCall = 3;
        ShardReader reader = reader(Optional.empty());
        List<SourceRecord> emitted = new ArrayList<>(run(reader, 1));
        kinesis.failNext(() -> ExpiredIteratorException.builder().message("expired").build());

        emitted.addAll(run(reader, 10));

        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 6));
    }

    @Test
    void throttlingBacksOffExponentiallyAndLosesNothing() {
        putPlain(5);
        ShardReader reader = reader(Optional.empty());
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            kinesis.failNext(this::throttle);
        }
        for (int i = 0; i < 4; i++) {
            Duration wait = reader.step().orElseThrow();
            waits.add(wait);
            clock.addAndGet(wait.toNanos());
        }

        List<SourceRecord> emitted = run(reader, 5);

        assertThat(waits)
                .allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ofMillis(50)));
        assertThat(waits.get(3)).isGreaterThan(waits.get(0));
        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 5));
    }

    @Test
    void transientNetworkAndServerErrorsAreRetriedWithAFreshIterator() {
        putPlain(5);
        ShardReader reader = reader(Optional.empty());
        kinesis.failNext(() -> SdkClientException.create("connection reset"));
        kinesis.failNext(() -> serviceError(500, "InternalFailure"));

        List<SourceRecord> emitted = run(reader, 10);

        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 5));
    }

    @Test
    void badCredentialsFailTheReaderWithAClearMessage() {
        ShardReader reader = reader(Optional.empty());
        kinesis.failNext(() -> serviceError(400, "UnrecognizedClientException"));

        assertThatThrownBy(reader::step)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("credentials")
                .hasMessageContaining("aws.credentials.provider");
    }

    @Test
    void aClosedShardReadToItsEndEmitsAFinishedMarkerAndStops() {
        List<String> sequences = putPlain(3);
        kinesis.close("shard-0");
        ShardReader reader = reader(Optional.empty());

        List<SourceRecord> emitted = run(reader, 10);

        assertThat(reader.isDone()).isTrue();
        SourceRecord marker = emitted.get(emitted.size() - 1);
        assertThat(marker.topic()).isEqualTo("markers");
        assertThat(marker.sourceOffset())
                .isEqualTo(SourceOffsets.offset(ShardOffset.finished(sequences.get(2), 0)));
        // Handing the marker over is not enough to open the children's gate: Kafka must
        // acknowledge it first (the task's commitRecord), see ParentGate.endRecorded.
        assertThat(endsRecorded).isEmpty();
    }

    @Test
    void aShardStoredAsFinishedTellsTheGateItsEndIsRecorded() {
        ShardReader reader = reader(Optional.of(ShardOffset.finished("1002", 0)));

        assertThat(reader.isDone()).isTrue();
        assertThat(endsRecorded).containsExactly(SHARD);
    }

    @Test
    void aShardStoredAsFinishedIsNotReadAgain() {
        putPlain(3);
        ShardReader reader = reader(Optional.of(ShardOffset.finished("1002", 0)));

        assertThat(reader.step()).isEmpty();
        assertThat(kinesis.getRecordsCalls).isZero();
    }

    @Test
    void aShardWhoseDataExpiredIsTreatedAsFinished() {
        ShardReader reader = reader(Optional.empty());
        kinesis.removeShard("shard-0");

        List<SourceRecord> emitted = run(reader, 5);

        assertThat(reader.isDone()).isTrue();
        assertThat(emitted)
                .singleElement()
                .satisfies(m -> assertThat(m.topic()).isEqualTo("markers"));
        assertThat(kinesis.listCalls)
                .as("a fresh listing confirmed the shard is gone")
                .isEqualTo(1);
    }

    @Test
    void resourceNotFoundForAShardStillListedIsRetriedWithAFreshIteratorNotFinished() {
        putPlain(3);
        ShardReader reader = reader(Optional.empty());
        kinesis.failNext(() -> ResourceNotFoundException.builder().message("transient").build());

        List<SourceRecord> emitted = run(reader, 10);

        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 3));
        assertThat(emitted).noneMatch(r -> "markers".equals(r.topic()));
        assertThat(reader.isDone()).isFalse();
        assertThat(kinesis.listCalls).as("fresh listings to confirm").isEqualTo(1);
        assertThat(kinesis.iteratorCalls).as("a fresh iterator after the error").isEqualTo(2);
    }

    @Test
    void aShardIsNotFinishedWhenTheConfirmingListingFails() {
        putPlain(2);
        ShardReader reader = reader(Optional.empty());
        kinesis.failNext(() -> ResourceNotFoundException.builder().message("transient").build());
        kinesis.failNext(() -> SdkClientException.create("connection reset"));

        List<SourceRecord> emitted = run(reader, 10);

        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 2));
        assertThat(reader.isDone()).isFalse();
    }

    @Test
    void aMissingStreamFailsTheReader() {
        FakeStreamProxy other = new FakeStreamProxy("other").addShard("shard-0", null);
        ShardReader reader =
                new ShardReader(
                        SHARD,
                        Optional.empty(),
                        new IteratorPosition.TrimHorizon(),
                        context(other));

        assertThatThrownBy(reader::step)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("'orders' does not exist");
    }

    @Test
    void aFullBufferPausesReadingWithoutLosingRecords() {
        putPlain(30);
        buffer = new RecordBuffer(7);
        ShardReader reader = reader(Optional.empty());
        List<SourceRecord> emitted = new ArrayList<>();

        for (int i = 0; i < 200 && emitted.size() < 30; i++) {
            Optional<Duration> next = reader.step();
            assertThat(buffer.size()).isLessThanOrEqualTo(7);
            emitted.addAll(drain(3));
            clock.addAndGet(next.orElse(Duration.ZERO).toNanos());
        }

        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 30));
    }

    @Test
    void aChildWaitsUntilTheGateOpens() {
        putPlain(2);
        ShardReader reader =
                reader(
                        Optional.empty(),
                        shard -> finishedParents.contains(new ShardRef(STREAM, "parent")));

        assertThat(reader.step()).contains(Duration.ofMillis(500));
        assertThat(kinesis.getRecordsCalls).isZero();

        finishedParents.add(new ShardRef(STREAM, "parent"));
        assertThat(values(run(reader, 5))).containsExactly("value-0", "value-1");
    }

    private List<String> putPlain(int count) {
        List<String> sequences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sequences.add(
                    kinesis.put(
                            "shard-0",
                            "key-" + i,
                            ("value-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return sequences;
    }

    private static List<String> payloads(int from, int to) {
        List<String> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add("value-" + i);
        }
        return values;
    }

    private ShardReader reader(Optional<ShardOffset> stored) {
        return reader(stored, shard -> true);
    }

    private ShardReader reader(
            Optional<ShardOffset> stored, java.util.function.Predicate<ShardRef> gate) {
        return new ShardReader(
                SHARD, stored, new IteratorPosition.TrimHorizon(), context(kinesis, gate));
    }

    private ReaderContext context(FakeStreamProxy proxy) {
        return context(proxy, shard -> true);
    }

    private ReaderContext context(
            FakeStreamProxy proxy, java.util.function.Predicate<ShardRef> gate) {
        ParentGate parents =
                new ParentGate() {
                    @Override
                    public boolean mayStart(ShardRef shard) {
                        return gate.test(shard);
                    }

                    @Override
                    public void endRecorded(ShardRef shard) {
                        endsRecorded.add(shard);
                    }
                };
        return TestReaderContexts.context(
                proxy,
                buffer,
                parents,
                TestReaderContexts.settings(maxPerCall, MIN_INTERVAL),
                new ReaderStats(),
                clock::get);
    }

    /**
     * Steps the reader, advancing the fake clock by each requested delay, and drains the buffer.
     */
    private List<SourceRecord> run(ShardReader reader, int steps) {
        List<SourceRecord> emitted = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            Optional<Duration> next = reader.step();
            emitted.addAll(drain(Integer.MAX_VALUE));
            if (next.isEmpty()) {
                break;
            }
            clock.addAndGet(next.get().toNanos());
        }
        return emitted;
    }

    private List<SourceRecord> drain(int max) {
        try {
            return buffer.drain(max, Duration.ZERO);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> values(List<SourceRecord> records) {
        return records.stream()
                .filter(r -> r.value() instanceof byte[])
                .map(r -> new String((byte[]) r.value(), StandardCharsets.UTF_8))
                .toList();
    }

    private RuntimeException throttle() {
        return ProvisionedThroughputExceededException.builder()
                .awsErrorDetails(
                        AwsErrorDetails.builder()
                                .errorCode("ProvisionedThroughputExceededException")
                                .build())
                .statusCode(400)
                .build();
    }

    private static RuntimeException serviceError(int status, String code) {
        return KinesisException.builder()
                .awsErrorDetails(
                        AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
                .statusCode(status)
                .message(code)
                .build();
    }
}
