package io.kinesisconnect.source.efo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.source.kinesis.ConsumerProxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;

class ConsumerRegistrationTest {

    private final FakeConsumers kinesis = new FakeConsumers();
    private final AtomicLong clock = new AtomicLong();
    private final List<Duration> pauses = new ArrayList<>();
    private final ConsumerRegistration registration =
            new ConsumerRegistration(
                    kinesis,
                    d -> {
                        pauses.add(d);
                        clock.addAndGet(d.toNanos());
                    },
                    clock::get,
                    Duration.ofMinutes(2));

    @Test
    void eagerRegistersAMissingConsumerAndWaitsUntilItIsActive() {
        kinesis.describesAsCreating = 3;

        String arn = registration.activeConsumerArn("orders", "app", EfoRegistration.EAGER);

        assertThat(arn).isEqualTo("arn:orders/app");
        assertThat(kinesis.registrations).isEqualTo(1);
        assertThat(pauses).hasSize(4).allMatch(d -> !d.isNegative() && !d.isZero());
    }

    @Test
    void eagerUsesAnActiveConsumerAsItIs() {
        kinesis.existing = true;
        kinesis.describesAsCreating = 0;

        assertThat(registration.activeConsumerArn("orders", "app", EfoRegistration.EAGER))
                .isEqualTo("arn:orders/app");
        assertThat(kinesis.registrations).isZero();
        assertThat(pauses).isEmpty();
    }

    @Test
    void limitExceededIsRetriedAfterAGrowingPause() {
        kinesis.limits.add(LimitExceededException.builder().message("rate").build());
        kinesis.limits.add(LimitExceededException.builder().message("rate").build());

        registration.activeConsumerArn("orders", "app", EfoRegistration.EAGER);

        assertThat(kinesis.registrations).isEqualTo(1);
        assertThat(pauses.size()).isGreaterThanOrEqualTo(2);
        assertThat(pauses.get(1)).isGreaterThanOrEqualTo(pauses.get(0).dividedBy(2));
    }

    @Test
    void selfManagedNeverRegistersAndNamesTheMissingConsumer() {
        assertThatThrownBy(
                        () ->
                                registration.activeConsumerArn(
                                        "orders", "app", EfoRegistration.SELF_MANAGED))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("'app'")
                .hasMessageContaining("'orders'")
                .hasMessageContaining("kinesis.efo.registration=self-managed");
        assertThat(kinesis.registrations).isZero();
    }

    @Test
    void aConsumerThatNeverBecomesActiveFailsAtTheTimeLimit() {
        kinesis.describesAsCreating = Integer.MAX_VALUE;

        assertThatThrownBy(
                        () ->
                                registration.activeConsumerArn(
                                        "orders", "app", EfoRegistration.EAGER))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("did not become ACTIVE within PT2M");
    }

    /** One stream's consumers: registered ones are CREATING for a few describe calls. */
    private static final class FakeConsumers implements ConsumerProxy {
        final Deque<RuntimeException> limits = new ArrayDeque<>();
        int describesAsCreating = 1;
        boolean existing;
        int registrations;

        @Override
        public String streamArn(String stream) {
            return "arn:" + stream;
        }

        @Override
        public Optional<StreamConsumer> describeConsumer(String streamArn, String name) {
            throwQueuedLimit();
            if (!existing) {
                return Optional.empty();
            }
            String status = describesAsCreating-- > 0 ? "CREATING" : "ACTIVE";
            return Optional.of(new StreamConsumer(streamArn + "/" + name, status));
        }

        @Override
        public StreamConsumer registerConsumer(String streamArn, String name) {
            throwQueuedLimit();
            registrations++;
            existing = true;
            return new StreamConsumer(streamArn + "/" + name, "CREATING");
        }

        private void throwQueuedLimit() {
            RuntimeException limit = limits.poll();
            if (limit != null) {
                throw limit;
            }
        }
    }
}
