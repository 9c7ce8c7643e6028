package io.kinesisconnect.source.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.source.kinesis.IteratorPosition;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.offset.OffsetMarkers;
import io.kinesisconnect.source.offset.ShardOffset;
import io.kinesisconnect.source.offset.SourceOffsets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

class FanOutShardReaderTest {

    private static final String STREAM = "orders";
    private static final ShardRef SHARD = new ShardRef(STREAM, "shard-0");
    private static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration CLOSED_CHECK = Duration.ofSeconds(10);

    private final FakeStreamProxy kinesis = new FakeStreamProxy(STREAM).addShard("shard-0", null);
    private final FakeFanOutProxy fanOut = new FakeFanOutProxy(kinesis);
    private final AtomicLong clock = new AtomicLong();
    private final ReaderStats stats = new ReaderStats();
    private RecordBuffer buffer = new RecordBuffer(100_000);
    private final RenewingConsumers consumers = new RenewingConsumers("arn:consumer");

    /** One stream's consumer ARN; {@link #renew} answers from a queue of lookups. */
    private static final class RenewingConsumers implements ConsumerArns {
        private String arn;
        final Deque<Supplier<String>> lookups = new ArrayDeque<>();
        int renewals;

        RenewingConsumers(String arn) {
            this.arn = arn;
        }

        @Override
        public String current(String stream) {
            return arn;
        }

        @Override
        public String renew(String stream, String stale) {
            renewals++;
            arn = lookups.isEmpty() ? stale : lookups.poll().get();
            return arn;
        }
    }

    @Test
    void handsOverEveryPushedRecordInOrderAndTakesOneEventPerStep() {
        put(0, 25);
        FanOutShardReader reader = reader(Optional.empty());
        reader.step(); // subscribes
        fanOut.current().push(10).push(10).push(10);

        reader.step();
        assertThat(fanOut.current().taken).isEqualTo(1);
        List<SourceRecord> emitted = run(reader, 5);

        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 25));
        assertThat(fanOut.positions).containsExactly(new IteratorPosition.TrimHorizon());
    }

    @Test
    void renewsAtTheMaxAgeFromTheLastRecordWithNoGapAndNoDuplicate() {
        List<String> sequences = put(0, 10);
        FanOutShardReader reader = reader(Optional.empty());
        reader.step();
        fanOut.current().push(100);
        List<SourceRecord> emitted = new ArrayList<>(run(reader, 3));
        FakeFanOutProxy.Subscription first = fanOut.current();

        put(10, 20);
        clock.addAndGet(MAX_AGE.toNanos());
        emitted.addAll(run(reader, 2)); // renews: cancels, then subscribes again
        fanOut.current().push(100);
        emitted.addAll(run(reader, 3));

        assertThat(first.cancelled).isTrue();
        // The control: the renewed subscription did deliver the last record again, so its
        // absence below is the reader's skip, not luck.
        assertThat(fanOut.current().pushed).startsWith(sequences.get(9));
        assertThat(fanOut.positions)
                .containsExactly(
                        new IteratorPosition.TrimHorizon(),
                        new IteratorPosition.AtSequenceNumber(sequences.get(9)));
        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 20));
    }

    @Test
    void resubscribesAfterALostConnectionFromTheLastRecordAtMostOncePerSecond() {
        List<String> sequences = put(0, 5);
        FanOutShardReader reader = reader(Optional.empty());
        reader.step();
        fanOut.current().push(100);
        List<SourceRecord> emitted = new ArrayList<>(run(reader, 2));

        fanOut.current().fail(SdkClientException.create("connection reset"));
        Optional<Duration> afterFailure = reader.step();
        Optional<Duration> tooSoon = reader.step();

        assertThat(afterFailure).isPresent();
        assertThat(fanOut.subscriptions).hasSize(1);
        assertThat(tooSoon.orElseThrow()).isPositive().isLessThanOrEqualTo(ONE_SECOND);
        clock.addAndGet(ONE_SECOND.toNanos());
        reader.step();
        assertThat(fanOut.subscriptions).hasSize(2);
        assertThat(fanOut.positions.get(1))
                .isEqualTo(new IteratorPosition.AtSequenceNumber(sequences.get(4)));
        put(5, 8);
        fanOut.current().push(100);
        emitted.addAll(run(reader, 3));
        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 8));
    }

    /**
     * ResourceInUse: the previous subscription is not released yet; LimitExceeded: more than one
     * SubscribeToShard per second for the shard and consumer. Both back off and subscribe again.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ResourceInUseException", "LimitExceededException"})
    void aRefusedSubscriptionBacksOffAndRetriesAsAThrottle(String code) {
        put(0, 3);
        fanOut.refuseNext(refusal(code));
        FanOutShardReader reader = reader(Optional.empty());
        reader.step();
        Optional<Duration> wait = reader.step();
        clock.addAndGet(wait.orElseThrow().toNanos() + ONE_SECOND.toNanos());
        reader.step();
        fanOut.current().push(100);

        assertThat(wait.get()).isPositive();
        assertThat(values(run(reader, 3))).containsExactlyElementsOf(payloads(0, 3));
        assertThat(fanOut.subscriptions).hasSize(2);
        assertThat(fanOut.subscriptions.get(0).cancelled).isTrue();
        assertThat(stats.snapshotAndReset().throttles()).as("throttles").isEqualTo(1);
    }

    /** The SDK's own exception type for {@code code}, as the reader meets it. */
    private static RuntimeException refusal(String code) {
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode(code).build();
        return "ResourceInUseException".equals(code)
                ? ResourceInUseException.builder().awsErrorDetails(details).statusCode(400).build()
                : LimitExceededException.builder().awsErrorDetails(details).statusCode(400).build();
    }

    @Test
    void rejectedCredentialsFailTheReader() {
        fanOut.refuseNext(serviceError(400, "AccessDeniedException"));
        FanOutShardReader reader = reader(Optional.empty());
        reader.step();

        assertThatThrownBy(reader::step)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("AccessDeniedException");
    }

    @Test
    void childShardsInTheLastEventFinishTheShardWithItsMarker() {
        List<String> sequences = put(0, 4);
        kinesis.close("shard-0");
        FanOutShardReader reader = reader(Optional.empty());
        reader.step();
        fanOut.current().push(2).push(2, List.of(ChildShard.builder().shardId("c").build()));

        List<SourceRecord> emitted = run(reader, 5);

        assertThat(reader.isDone()).isTrue();
        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 4));
        assertThat(finishedMarkers(emitted))
                .containsExactly(ShardOffset.finished(sequences.get(3), 0));
        assertThat(fanOut.current().cancelled).isTrue();
    }

    @Test
    void aNullContinuationFinishesTheShard() {
        put(0, 3);
        kinesis.close("shard-0");
        FanOutShardReader reader = reader(Optional.empty());
        reader.step();
        fanOut.current().push(100);

        List<SourceRecord> emitted = run(reader, 3);

        assertThat(reader.isDone()).isTrue();
        assertThat(finishedMarkers(emitted)).hasSize(1);
    }

    @Test
    void withoutAnyEndSignalTheListingFindsAClosedShardReadToItsEnd() {
        put(0, 3);
        FanOutShardReader reader = reader(Optional.empty());
        reader.step();
        fanOut.current().push(100);
        List<SourceRecord> emitted = new ArrayList<>(run(reader, 2));
        kinesis.close("shard-0");

        idleEvent(reader);
        assertThat(reader.isDone()).as("not before the closed-check interval").isFalse();
        clock.addAndGet(CLOSED_CHECK.toNanos());
        idleEvent(reader);
        emitted.addAll(run(reader, 2));

        assertThat(reader.isDone()).isTrue();
        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 3));
        assertThat(finishedMarkers(emitted)).hasSize(1);
    }

    @Test
    void aFullBufferStopsTakingEventsSoTheStreamHoldsStill() {
        // Exactly one event's worth: with nothing left pending, only the room check stops the
        // reader from taking the next event.
        buffer = new RecordBuffer(10);
        put(0, 20);
        FanOutShardReader reader = reader(Optional.empty());
        reader.step();
        fanOut.current().push(10).push(10);

        for (int i = 0; i < 5; i++) {
            reader.step();
        }

        assertThat(buffer.size()).isEqualTo(10);
        assertThat(fanOut.current().taken).as("events taken while the buffer is full").isOne();
        assertThat(fanOut.current().waiting()).isOne();
        List<SourceRecord> emitted = run(reader, 20);
        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 20));
    }

    @Test
    void startsAtTheStoredOffsetAndSkipsWhatWasEmitted() {
        List<String> sequences = put(0, 6);
        FanOutShardReader reader = reader(Optional.of(new ShardOffset(sequences.get(2), 0, false)));
        reader.step();
        fanOut.current().push(100);

        assertThat(fanOut.positions)
                .containsExactly(new IteratorPosition.AtSequenceNumber(sequences.get(2)));
        assertThat(values(run(reader, 3))).containsExactlyElementsOf(payloads(3, 6));
    }

    @Test
    void resourceNotFoundForAShardGoneFromTheListingFinishesItAfterItsRecords() {
        put(0, 3);
        FanOutShardReader reader = reader(Optional.empty());
        reader.step();
        fanOut.current().push(100);
        List<SourceRecord> emitted = new ArrayList<>(run(reader, 2));
        kinesis.removeShard("shard-0");
        fanOut.current().fail(notFound("Shard shard-0 not found"));

        emitted.addAll(run(reader, 5));

        assertThat(reader.isDone()).isTrue();
        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 3));
        assertThat(finishedMarkers(emitted)).hasSize(1);
        assertThat(consumers.renewals).as("the consumer was not suspected").isZero();
    }

    @Test
    void resourceNotFoundForAMissingStreamFailsTheTaskNamingTheStream() {
        FanOutShardReader reader = reader(Optional.empty());
        reader.step();
        kinesis.dropStream();
        fanOut.current().fail(notFound("Stream orders not found"));

        assertThatThrownBy(reader::step)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("'orders' does not exist")
                .hasMessageContaining("kinesis.streams");
    }

    @Test
    void aConsumerRegisteredAgainIsSubscribedWithItsNewArnFromTheLastRecord() {
        List<String> sequences = put(0, 4);
        FanOutShardReader reader = reader(Optional.empty());
        reader.step();
        fanOut.current().push(100);
        List<SourceRecord> emitted = new ArrayList<>(run(reader, 2));
        consumers.lookups.add(() -> "arn:consumer-2");
        fanOut.current().fail(notFound("Consumer arn:consumer not found"));

        emitted.addAll(run(reader, 3));
        put(4, 6);
        fanOut.current().push(100);
        emitted.addAll(run(reader, 3));

        assertThat(fanOut.consumerArns).containsExactly("arn:consumer", "arn:consumer-2");
        assertThat(fanOut.positions.get(1))
                .isEqualTo(new IteratorPosition.AtSequenceNumber(sequences.get(3)));
        assertThat(values(emitted)).containsExactlyElementsOf(payloads(0, 6));
        assertThat(reader.isDone()).isFalse();
    }

    @Test
    void aNotFoundThatTheSameArnSurvivesIsRetriedLaterNotFinished() {
        put(0, 2);
        FanOutShardReader reader = reader(Optional.empty());
        reader.step();
        fanOut.current().fail(notFound("transient"));

        Optional<Duration> wait = reader.step();

        assertThat(wait.orElseThrow()).isPositive();
        assertThat(consumers.renewals).isOne();
        clock.addAndGet(wait.get().toNanos() + ONE_SECOND.toNanos());
        reader.step();
        fanOut.current().push(100);
        assertThat(values(run(reader, 3))).containsExactlyElementsOf(payloads(0, 2));
        assertThat(fanOut.consumerArns).containsExactly("arn:consumer", "arn:consumer");
        assertThat(reader.isDone()).isFalse();
    }

    @Test
    void aSelfManagedConsumerThatIsGoneFailsTheTaskWithTheLookupsMessage() {
        FanOutShardReader reader = reader(Optional.empty());
        reader.step();
        consumers.lookups.add(
                () -> {
                    throw new ConnectException("EFO consumer 'app' is not registered");
                });
        fanOut.current().fail(notFound("Consumer arn:consumer not found"));

        assertThatThrownBy(reader::step)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("EFO consumer 'app' is not registered");
    }

    private static ResourceNotFoundException notFound(String message) {
        return ResourceNotFoundException.builder()
                .awsErrorDetails(
                        AwsErrorDetails.builder()
                                .errorCode("ResourceNotFoundException")
                                .errorMessage(message)
                                .build())
                .statusCode(400)
                .message(message)
                .build();
    }

    private void idleEvent(FanOutShardReader reader) {
        fanOut.current().pushIdle();
        reader.step();
    }

    private List<String> put(int from, int to) {
        List<String> sequences = new ArrayList<>();
        for (int i = from; i < to; i++) {
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

    private FanOutShardReader reader(Optional<ShardOffset> stored) {
        ReaderContext context =
                TestReaderContexts.context(
                        kinesis,
                        buffer,
                        TestReaderContexts.noParents(),
                        TestReaderContexts.settings(10_000, Duration.ofMillis(200)),
                        stats,
                        clock::get);
        return new FanOutShardReader(
                SHARD,
                stored,
                new IteratorPosition.TrimHorizon(),
                context,
                fanOut,
                consumers,
                new FanOutSettings(MAX_AGE, ONE_SECOND, CLOSED_CHECK));
    }

    /**
     * Steps the reader, advancing the fake clock by each requested delay, and drains the buffer.
     */
    private List<SourceRecord> run(FanOutShardReader reader, int steps) {
        List<SourceRecord> emitted = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            Optional<Duration> next = reader.step();
            try {
                emitted.addAll(buffer.drain(Integer.MAX_VALUE, Duration.ZERO));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (next.isEmpty()) {
                break;
            }
            clock.addAndGet(next.get().toNanos());
        }
        return emitted;
    }

    private static List<String> values(List<SourceRecord> records) {
        return records.stream()
                .filter(r -> r.value() instanceof byte[])
                .map(r -> new String((byte[]) r.value(), StandardCharsets.UTF_8))
                .toList();
    }

    private static List<ShardOffset> finishedMarkers(List<SourceRecord> records) {
        return records.stream()
                .filter(r -> OffsetMarkers.finishedShard(r).isPresent())
                .map(r -> SourceOffsets.readOffset(r.sourceOffset()).orElseThrow())
                .toList();
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
