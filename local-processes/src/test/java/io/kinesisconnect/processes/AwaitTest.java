package io.kinesisconnect.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsAsSoonAsTheConditionHolds() {
        AtomicInteger calls = new AtomicInteger();

        Await.until("the third call", Duration.ofSeconds(10), () -> calls.incrementAndGet() >= 3);

        assertThat(calls).hasValue(3);
    }

    @Test
    void failsAfterTheDeadlineNamingWhatWasAwaitedAndWhatWasLastSeen() {
        assertThatThrownBy(
                        () ->
                                Await.until(
                                        "the impossible",
                                        Duration.ofMillis(300),
                                        () -> false,
                                        () -> "still false"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the impossible")
                .hasMessageContaining("last seen: still false");
    }

    @Test
    void treatsAnExceptionAsNotYetAndKeepsTheLastOneAsTheCause() {
        AtomicInteger calls = new AtomicInteger();
        Await.until(
                "the condition to stop throwing",
                Duration.ofSeconds(10),
                () -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new IllegalStateException("not ready");
                    }
                    return true;
                });
        assertThat(calls).hasValue(3);

        assertThatThrownBy(
                        () ->
                                Await.until(
                                        "a server that never answers",
                                        Duration.ofMillis(300),
                                        () -> {
                                            throw new IllegalStateException("connection refused");
                                        }))
                .hasRootCauseMessage("connection refused");
    }

    @Test
    void valueReturnsTheFirstNonNullResult() {
        AtomicInteger calls = new AtomicInteger();

        String value =
                Await.value(
                        "a value",
                        Duration.ofSeconds(10),
                        () -> calls.incrementAndGet() < 2 ? null : "ready");

        assertThat(value).isEqualTo("ready");
    }
}
