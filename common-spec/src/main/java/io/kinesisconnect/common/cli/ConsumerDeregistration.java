package io.kinesisconnect.common.cli;

import io.kinesisconnect.common.retry.ExponentialBackoff;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ConsumerDescription;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Deregisters one enhanced fan-out consumer from streams, the clean-up the source connector leaves
 * to its user: Connect never tells a connector that it is being deleted rather than restarted. A
 * consumer that is not registered is reported and counts as done, so running it twice is safe.
 */
final class ConsumerDeregistration {

    /** DeregisterStreamConsumer and DescribeStreamConsumer are limited per account; retry a few. */
    private static final int ATTEMPTS = 6;

    private static final ExponentialBackoff BACKOFF =
            ExponentialBackoff.withJitter(Duration.ofMillis(200), Duration.ofSeconds(5));

    private final KinesisClient client;
    private final PrintWriter out;
    private final PrintWriter err;

    ConsumerDeregistration(KinesisClient client, PrintWriter out, PrintWriter err) {
        this.client = client;
        this.out = out;
        this.err = err;
    }

    /**
     * @return the exit code: 0 when the consumer is registered on none of the streams afterwards
     *     (or, with {@code dryRun}, whatever it found), 1 when a stream is missing or a call failed
     */
    int run(List<String> streams, String consumerName, boolean dryRun) throws InterruptedException {
        int failures = 0;
        for (String stream : streams) {
            try {
                deregister(stream, consumerName, dryRun);
            } catch (ResourceNotFoundException e) {
                err.println(
                        "stream '"
                                + stream
                                + "': no such stream; check the stream name, aws.region and"
                                + " aws.endpoint");
                failures++;
            } catch (RuntimeException e) {
                err.println("stream '" + stream + "': " + e.getMessage() + hint(e));
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** Points at the one switch for a certificate the JVM does not trust. */
    private static String hint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return "\n  the endpoint's TLS certificate is not trusted; for a local emulator with a"
                        + " self-signed certificate, pass --no-verify-certificates";
            }
        }
        return "";
    }

    private void deregister(String stream, String consumerName, boolean dryRun)
            throws InterruptedException {
        String streamArn =
                retrying(
                        () ->
                                client.describeStreamSummary(b -> b.streamName(stream))
                                        .streamDescriptionSummary()
                                        .streamARN());
        ConsumerDescription consumer = describe(streamArn, consumerName);
        if (consumer == null) {
            out.println(
                    "stream '"
                            + stream
                            + "': consumer '"
                            + consumerName
                            + "' is not registered; nothing to do");
            return;
        }
        if (consumer.consumerStatus() == ConsumerStatus.DELETING) {
            out.println(
                    "stream '"
                            + stream
                            + "': consumer '"
                            + consumerName
                            + "' is already being deregistered (DELETING); nothing to do");
            return;
        }
        if (dryRun) {
            out.println(
                    "stream '"
                            + stream
                            + "': would deregister consumer '"
                            + consumerName
                            + "' ("
                            + consumer.consumerStatusAsString()
                            + ", "
                            + consumer.consumerARN()
                            + ")");
            return;
        }
        retrying(() -> client.deregisterStreamConsumer(b -> b.consumerARN(consumer.consumerARN())));
        out.println(
                "stream '"
                        + stream
                        + "': deregistered consumer '"
                        + consumerName
                        + "' ("
                        + consumer.consumerARN()
                        + ")");
    }

    private ConsumerDescription describe(String streamArn, String consumerName)
            throws InterruptedException {
        try {
            return retrying(
                    () ->
                            client.describeStreamConsumer(
                                            b -> b.streamARN(streamArn).consumerName(consumerName))
                                    .consumerDescription());
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private <T> T retrying(Supplier<T> call) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (LimitExceededException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(BACKOFF.delay(attempt).toMillis());
            }
        }
    }
}
