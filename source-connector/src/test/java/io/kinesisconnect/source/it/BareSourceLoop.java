package io.kinesisconnect.source.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The least a source must do, as the benchmark's yardstick: one thread per shard calls GetRecords
 * at most five times a second and sends each record's partition key and data to a plain
 * KafkaProducer configured the way Connect configures a source task's producer. No headers, no
 * offsets, no buffer.
 *
 * <p>A throttled call ({@code ProvisionedThroughputExceededException}) keeps its iterator and is
 * tried again at the next tick: the loop neither backs off nor asks for a new iterator. It counts
 * what it read and how often it was throttled, as a second consumer sharing a shard's read limits.
 */
final class BareSourceLoop implements AutoCloseable {

    static final String THREAD_PREFIX = "bare-loop-";
    private static final Duration CALL_INTERVAL = Duration.ofMillis(200);

    private final KinesisClient kinesis;
    private final KafkaProducer<byte[], byte[]> producer;
    private final String stream;
    private final String topic;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final LongAdder calls = new LongAdder();
    private final LongAdder callNanos = new LongAdder();
    private final LongAdder throttles = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param clientId the producer's client id, which names its network thread
     */
    BareSourceLoop(
            KinesisClient kinesis,
            String bootstrapServers,
            String clientId,
            String stream,
            String topic) {
        this.kinesis = kinesis;
        this.producer =
                new KafkaProducer<>(connectSourceProducerConfig(bootstrapServers, clientId));
        this.stream = stream;
        this.topic = topic;
    }

    /** The network thread name of a producer with this client id. */
    static String producerThread(String clientId) {
        return "kafka-producer-network-thread | " + clientId;
    }

    /**
     * What Connect's Worker.baseProducerConfigs gives every source task's producer (Kafka 4.3), so
     * that neither side gets a cheaper producer than the other.
     */
    static Map<String, Object> connectSourceProducerConfig(String bootstrap, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.MAX_VALUE);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** Starts one reading thread per shard, each from the shard's trim horizon. */
    void start(List<String> shardIds) {
        for (String shardId : shardIds) {
            Thread thread = new Thread(() -> readShard(shardId), THREAD_PREFIX + shardId);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void readShard(String shardId) {
        String lastSequence = null;
        String iterator = null;
        while (!stopping.get()) {
            try {
                if (iterator == null) {
                    iterator = iterator(shardId, lastSequence);
                }
                long called = System.nanoTime();
                String current = iterator;
                GetRecordsResponse response =
                        kinesis.getRecords(b -> b.shardIterator(current).limit(10_000));
                calls.increment();
                callNanos.add(System.nanoTime() - called);
                for (Record record : response.records()) {
                    send(record);
                    lastSequence = record.sequenceNumber();
                }
                iterator = response.nextShardIterator();
                if (iterator == null) {
                    return;
                }
                pace(called);
            } catch (ProvisionedThroughputExceededException e) {
                throttles.increment();
                pace(System.nanoTime());
            } catch (SdkException e) {
                // Like any reader, the loop survives a failed call: a fresh iterator after the last
                // record it sent, then on.
                errors.incrementAndGet();
                iterator = null;
                pace(System.nanoTime());
            }
        }
    }

    private String iterator(String shardId, String afterSequence) {
        return kinesis.getShardIterator(
                        b -> {
                            b.streamName(stream).shardId(shardId);
                            if (afterSequence == null) {
                                b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                            } else {
                                b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                        .startingSequenceNumber(afterSequence);
                            }
                        })
                .shardIterator();
    }

    private void send(Record record) {
        records.increment();
        // as AWS counts a record against the read limit: data plus partition key
        bytes.add(
                record.data().asByteBuffer().remaining()
                        + record.partitionKey().getBytes(StandardCharsets.UTF_8).length);
        producer.send(
                new ProducerRecord<>(
                        topic,
                        record.partitionKey().getBytes(StandardCharsets.UTF_8),
                        record.data().asByteArray()),
                (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
    }

    /** Kinesis allows five GetRecords calls per second per shard: pace, do not wait. */
    private static void pace(long calledNanos) {
        long wait = CALL_INTERVAL.toNanos() - (System.nanoTime() - calledNanos);
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Failed Kinesis calls the loop retried. */
    int errors() {
        return errors.get();
    }

    /** GetRecords calls answered. */
    long calls() {
        return calls.sum();
    }

    /** Wall time spent in answered GetRecords calls, from request to parsed answer. */
    long callNanos() {
        return callNanos.sum();
    }

    /** GetRecords calls refused with ProvisionedThroughputExceededException. */
    long throttles() {
        return throttles.sum();
    }

    /** Records read (and sent). */
    long records() {
        return records.sum();
    }

    /** Their bytes: data plus partition key. */
    long bytes() {
        return bytes.sum();
    }

    /** The first error of a send, if any. */
    Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() {
        stopping.set(true);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // every record read is sent before the producer goes, so a reader of the topic sees them
        // all
        producer.flush();
        producer.close(Duration.ofSeconds(5));
    }
}
