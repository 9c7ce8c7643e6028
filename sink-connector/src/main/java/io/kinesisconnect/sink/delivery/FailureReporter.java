package io.kinesisconnect.sink.delivery;

import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.config.TombstoneBehavior;
import io.kinesisconnect.sink.record.InvalidRecordException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where records that will not be written end: tombstones by policy, records that cannot be mapped,
 * and permanent write failures go to Connect's errant record reporter (the dead-letter queue) or
 * fail the task, naming the record. The fatal failure itself is held by the {@link
 * RecordDispatcher}, so there is one, whichever thread found it.
 *
 * <p>Called on the task thread only: the errant record reporter is waited for there.
 */
public final class FailureReporter {

    private static final Logger log = LoggerFactory.getLogger(FailureReporter.class);

    private final RecordDispatcher dispatcher;
    private final ErrantRecordReporter reporter;
    private final TombstoneBehavior tombstones;
    private final Duration reportTimeout;
    private final TaskStats stats;

    /**
     * @param reporter Connect's errant record reporter, or null when the connector has no
     *     dead-letter queue: then every such record fails the task
     * @param reportTimeout how long to wait for the reporter to take one record
     */
    public FailureReporter(
            RecordDispatcher dispatcher,
            ErrantRecordReporter reporter,
            TombstoneBehavior tombstones,
            Duration reportTimeout,
            TaskStats stats) {
        this.dispatcher = dispatcher;
        this.reporter = reporter;
        this.tombstones = tombstones;
        this.reportTimeout = reportTimeout;
        this.stats = stats;
    }

    /** A received record with a null value: skipped, set aside for the reporter, or fatal. */
    public void tombstone(SinkRecord record) {
        switch (tombstones) {
            case SKIP -> {
                stats.skipped();
                dispatcher.done(record);
            }
            case DLQ ->
                    dispatcher.failPermanently(
                            record,
                            "the value is null (a tombstone) and "
                                    + KinesisSinkConfig.TOMBSTONE_CONFIG
                                    + " is dlq");
            default ->
                    dispatcher.fail(
                            new ConnectException(
                                    "Record "
                                            + Records.describe(record)
                                            + " has a null value (a tombstone) and "
                                            + KinesisSinkConfig.TOMBSTONE_CONFIG
                                            + " is fail; set it to skip or dlq to let tombstones"
                                            + " pass"));
        }
    }

    /** A received record that cannot become a Kinesis record (key, value, stream). */
    public void unwritable(SinkRecord record, String reason) {
        dispatcher.failPermanently(record, reason);
    }

    /** Reports what is set aside, then throws if the task must end. */
    public void reportAndThrowIfFailed() {
        report();
        dispatcher.throwIfFailed();
    }

    /** Hands every record set aside so far to the reporter, or fails the task with the first. */
    public void report() {
        for (PermanentFailure f : dispatcher.drainPermanentFailures()) {
            stats.failed();
            String what =
                    "Record " + Records.describe(f.record()) + " cannot be written: " + f.reason();
            if (reporter == null) {
                dispatcher.fail(
                        new ConnectException(
                                what
                                        + ". To send such records to a dead-letter queue instead,"
                                        + " set errors.tolerance=all and"
                                        + " errors.deadletterqueue.topic.name"));
                return;
            }
            if (!sendToReporter(f, what)) {
                return;
            }
        }
    }

    private boolean sendToReporter(PermanentFailure f, String what) {
        try {
            reporter.report(f.record(), new InvalidRecordException(what))
                    .get(reportTimeout.toMillis(), TimeUnit.MILLISECONDS);
            dispatcher.done(f);
            log.warn("Sent to the errant record reporter: {}", what);
            return true;
        } catch (ConnectException e) {
            dispatcher.fail(new ConnectException(what, e));
        } catch (ExecutionException | TimeoutException e) {
            dispatcher.fail(new ConnectException(what + "; reporting it failed too", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dispatcher.fail(new ConnectException(what + "; interrupted while reporting it", e));
        }
        return false;
    }
}
