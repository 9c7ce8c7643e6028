package io.kinesisconnect.source.kinesis;

import java.util.Optional;

/**
 * One open SubscribeToShard stream, read without blocking. Kinesis pushes events only as the reader
 * asks for them (reactive-streams request(n)), a few at a time, so a reader that stops taking them
 * holds the stream still instead of growing memory.
 */
public interface ShardSubscription {

    /**
     * The next signal, if one has arrived: an event, the end of the subscription, or its failure.
     * After an end or a failure, that signal is repeated.
     */
    Optional<SubscriptionSignal> poll();

    /** Closes the stream; no more signals are delivered. */
    void cancel();
}
