package io.kinesisconnect.source.efo;

import io.kinesisconnect.source.kinesis.ConsumerProxy;
import io.kinesisconnect.source.kinesis.ConsumerProxy.StreamConsumer;
import io.kinesisconnect.source.shard.Backoff;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;

/**
 * Finds the ARN of a stream's enhanced fan-out consumer, registering it first under {@link
 * EfoRegistration#EAGER}, and waits until it is ACTIVE. It never deregisters: Connect does not tell
 * a connector that it is being deleted rather than restarted or rebalanced.
 *
 * <p>The control plane is limited per account (RegisterStreamConsumer 5/s, DescribeStreamConsumer
 * 20/s, five consumers being created at once), and several connectors or tasks may start together:
 * every call is retried on LimitExceededException, and status checks are spaced by a jittered
 * backoff, starting at {@link #FIRST_WAIT}.
 */
public final class ConsumerRegistration {

    private static final Logger log = LoggerFactory.getLogger(ConsumerRegistration.class);
    static final Duration FIRST_WAIT = Duration.ofMillis(200);
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    /** Waits between calls; replaceable in tests. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final ConsumerProxy proxy;
    private final Pause pause;
    private final LongSupplier nanoTime;
    private final Duration timeout;

    public ConsumerRegistration(
            ConsumerProxy proxy, Pause pause, LongSupplier nanoTime, Duration timeout) {
        this.proxy = proxy;
        this.pause = pause;
        this.nanoTime = nanoTime;
        this.timeout = timeout;
    }

    /** With real time and a two-minute limit. */
    public static ConsumerRegistration of(ConsumerProxy proxy) {
        return new ConsumerRegistration(
                proxy, d -> Thread.sleep(d.toMillis()), System::nanoTime, Duration.ofMinutes(2));
    }

    /**
     * The ARN of the ACTIVE consumer {@code name} of {@code stream}.
     *
     * @throws ConnectException when it is missing under {@link EfoRegistration#SELF_MANAGED}, or
     *     does not become ACTIVE within the time limit
     */
    public String activeConsumerArn(String stream, String name, EfoRegistration registration) {
        long deadline = nanoTime.getAsLong() + timeout.toNanos();
        Backoff backoff =
                new Backoff(FIRST_WAIT, MAX_WAIT, () -> ThreadLocalRandom.current().nextDouble());
        String streamArn = null;
        while (true) {
            try {
                if (streamArn == null) {
                    streamArn = proxy.streamArn(stream);
                }
                Optional<StreamConsumer> consumer = proxy.describeConsumer(streamArn, name);
                if (consumer.isPresent() && consumer.get().active()) {
                    return consumer.get().arn();
                }
                if (consumer.isEmpty()) {
                    if (registration == EfoRegistration.SELF_MANAGED) {
                        throw new ConnectException(missing(stream, name));
                    }
                    proxy.registerConsumer(streamArn, name);
                    log.info("Registered EFO consumer={} on stream={}", name, stream);
                } else {
                    log.debug("EFO consumer={} is {}", name, consumer.get().status());
                }
            } catch (LimitExceededException | ResourceInUseException e) {
                // ResourceInUse: another task or connector registered it meanwhile.
                log.debug("Control plane busy for consumer={}: {}", name, e.toString());
            }
            waitBeforeNext(backoff, deadline, stream, name);
        }
    }

    private void waitBeforeNext(Backoff backoff, long deadline, String stream, String name) {
        if (nanoTime.getAsLong() >= deadline) {
            throw new ConnectException(
                    "EFO consumer '"
                            + name
                            + "' of stream '"
                            + stream
                            + "' did not become ACTIVE within "
                            + timeout);
        }
        try {
            pause.pause(backoff.next());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for EFO consumer " + name, e);
        }
    }

    /** The message for a consumer that self-managed registration needs but does not find. */
    public static String missing(String stream, String name) {
        return "EFO consumer '"
                + name
                + "' is not registered on stream '"
                + stream
                + "'; with kinesis.efo.registration=self-managed it must exist. Register it"
                + " (aws kinesis register-stream-consumer --stream-arn <arn> --consumer-name "
                + name
                + "), or set kinesis.efo.registration=eager";
    }
}
