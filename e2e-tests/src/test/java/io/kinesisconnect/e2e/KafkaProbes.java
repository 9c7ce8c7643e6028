package io.kinesisconnect.e2e;

import io.kinesisconnect.localstack.ConnectWorker;
import io.kinesisconnect.processes.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * What the fault tests ask Kafka and the workers before they strike: a consumer group's committed
 * offsets, whether a task's transaction is open, and which worker leads the group.
 */
final class KafkaProbes {

    private static final Pattern LEADER_URL = Pattern.compile("leaderUrl='([^']*)'");

    private KafkaProbes() {}

    /** The sum of a consumer group's committed offsets. */
    static long committedOffsets(String bootstrapServers, String group) {
        try (Admin admin = admin(bootstrapServers)) {
            return admin
                    .listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .values()
                    .stream()
                    .filter(Objects::nonNull)
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the offsets of " + group, e);
        }
    }

    /**
     * Waits until the transaction coordinator reports the transaction ONGOING with records in it
     * and begun less than {@code maxAgeMs} ago, so that its commit is still well ahead: a kill
     * right after this lands inside it.
     */
    static TransactionDescription awaitFreshOpenTransaction(
            String bootstrapServers, String transactionalId, long maxAgeMs, Duration timeout) {
        try (Admin admin = admin(bootstrapServers)) {
            return Await.value(
                    "transaction " + transactionalId + " to be open with records, freshly begun",
                    timeout,
                    () -> {
                        TransactionDescription description;
                        try {
                            description =
                                    admin.describeTransactions(List.of(transactionalId))
                                            .description(transactionalId)
                                            .get(10, TimeUnit.SECONDS);
                        } catch (ExecutionException | TimeoutException e) {
                            return null; // not begun yet, or the coordinator is moving: ask again
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                        long age =
                                System.currentTimeMillis()
                                        - description.transactionStartTimeMs().orElse(0);
                        boolean fresh =
                                description.state() == TransactionState.ONGOING
                                        && !description.topicPartitions().isEmpty()
                                        && age < maxAgeMs;
                        return fresh ? description : null;
                    });
        }
    }

    /** The leader's REST URL as the worker's last assignment names it, or null before one. */
    static String leaderUrl(ConnectWorker worker) {
        Matcher matcher = LEADER_URL.matcher(worker.process().log());
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last;
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
