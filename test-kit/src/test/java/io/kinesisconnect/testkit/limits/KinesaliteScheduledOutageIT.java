package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;

/**
 * A scheduled outage reaches an SDK client and ends on time: DescribeStreamSummary fails with 500
 * InternalFailure from one to three seconds after the first such call, and only then, while a
 * client without retries calls it every 100 ms until a second after. The window counts from the
 * first call rather than the proxy's start so that a slow start on a loaded machine cannot shift
 * it; windows from the start have the same arithmetic, tested on a fake clock in {@link
 * FaultScheduleTest}.
 */
class KinesaliteScheduledOutageIT {

    private static final Duration OPENS = Duration.ofSeconds(1);
    private static final Duration CLOSES = Duration.ofSeconds(3);
    private static final Duration AFTER = Duration.ofSeconds(1);
    private static final String API = "DescribeStreamSummary";

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESALITE);

    /** One call as the client saw it, in milliseconds on the test's clock. */
    private record Call(long sentMillis, long answeredMillis, boolean failed) {}

    @Test
    void anOutageWindowFailsTheCallsInsideItAndNoneAfterIt() {
        String stream = KINESIS.streams().create("scheduled-outage", 1);
        FaultSchedule outage =
                FaultSchedule.during(Fault.INTERNAL_FAILURE, API, OPENS, CLOSES).afterFirstCall();
        KinesisLimits limits =
                KinesisLimits.none().withFaults(KinesisFaults.none().withSchedule(outage));
        List<Call> calls = new ArrayList<>();
        try (KinesisLimitsProxy proxy =
                        KinesisLimitsProxy.start(KINESIS.emulator().endpoint(), limits, 0);
                KinesisClient client = KinesisTestClients.createWithoutRetries(proxy.endpoint())) {
            long origin = System.nanoTime();
            Call first = call(client, stream, origin);
            calls.add(first);
            // The window's origin is the moment the proxy decided the first call: somewhere
            // between its sending and its answer.
            long opensEarliest = first.sentMillis() + OPENS.toMillis();
            long opensLatest = first.answeredMillis() + OPENS.toMillis();
            long closesEarliest = first.sentMillis() + CLOSES.toMillis();
            long closesLatest = first.answeredMillis() + CLOSES.toMillis();
            Await.until(
                    "calls until " + AFTER + " after the window closed",
                    CLOSES.plus(AFTER).plusSeconds(10),
                    () -> {
                        calls.add(call(client, stream, origin));
                        return millisSince(origin) >= closesLatest + AFTER.toMillis();
                    });

            List<Call> failed = calls.stream().filter(Call::failed).toList();
            assertThat(first.failed()).as("the first call, which opens the count").isFalse();
            assertThat(failed).as("calls failed by the outage, of %s", calls).isNotEmpty();
            for (Call call : calls) {
                if (call.failed()) {
                    // Decided inside the window: not answered before it opened, not sent after
                    // it closed.
                    assertThat(call.answeredMillis())
                            .as("%s", call)
                            .isGreaterThanOrEqualTo(opensEarliest);
                    assertThat(call.sentMillis()).as("%s", call).isLessThan(closesLatest);
                } else {
                    // Decided outside it: sent before it opened, or answered after it closed.
                    assertThat(
                                    call.sentMillis() < opensLatest
                                            || call.answeredMillis() >= closesEarliest)
                            .as("%s succeeded inside the window, of %s", call, calls)
                            .isTrue();
                }
            }
            assertThat(calls)
                    .as("calls sent after the window closed, of %s", calls)
                    .filteredOn(c -> c.sentMillis() >= closesLatest)
                    .isNotEmpty()
                    .noneMatch(Call::failed);
            assertThat(proxy.counters().scheduled(outage)).isEqualTo(failed.size());
            assertThat(proxy.counters().injected(Fault.INTERNAL_FAILURE, API))
                    .isEqualTo(failed.size());
            assertThat(proxy.counters().summary())
                    .contains(
                            "scheduled: internal_failure "
                                    + API
                                    + " 1s-3s after first call "
                                    + failed.size());
        }
    }

    private static Call call(KinesisClient client, String stream, long origin) {
        long sent = millisSince(origin);
        try {
            client.describeStreamSummary(r -> r.streamName(stream));
            return new Call(sent, millisSince(origin), false);
        } catch (KinesisException e) {
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(AwsErrors.INTERNAL_FAILURE);
            return new Call(sent, millisSince(origin), true);
        }
    }

    private static long millisSince(long origin) {
        return (System.nanoTime() - origin) / 1_000_000;
    }
}
